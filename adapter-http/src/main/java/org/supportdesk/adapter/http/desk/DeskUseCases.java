package org.supportdesk.adapter.http.desk;

import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.query.GetTicket;
import org.supportdesk.application.query.ListMessages;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.query.TicketHistory;
import org.supportdesk.application.sla.ExplainSla;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.DeescalateTicket;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicketForCustomer;
import org.supportdesk.application.ticket.RestoreTicket;
import org.supportdesk.application.ticket.UpdateTicket;

/** The use cases the agent desk reaches. */
public record DeskUseCases(
        ListTickets listTickets,
        FileTicketForCustomer fileTicketForCustomer,
        GetTicket getTicket,
        UpdateTicket updateTicket,
        DeleteTicket deleteTicket,
        RestoreTicket restoreTicket,
        ListMessages listMessages,
        ReplyToTicket replyToTicket,
        AddInternalNote addInternalNote,
        AssignTicket assignTicket,
        EscalateTicket escalateTicket,
        DeescalateTicket deescalateTicket,
        ExplainSla explainSla,
        TicketHistory ticketHistory) {}
