package org.supportdesk.adapter.http.portal;

import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.query.GetCustomerTicket;
import org.supportdesk.application.query.ListCustomerMessages;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.application.ticket.CloseOwnTicket;
import org.supportdesk.application.ticket.FileTicket;

/** The use cases the customer portal reaches. */
public record PortalUseCases(
        ListCustomerTickets listTickets,
        FileTicket fileTicket,
        GetCustomerTicket getTicket,
        ListCustomerMessages listMessages,
        ReplyToTicket replyToTicket,
        CloseOwnTicket closeOwnTicket) {}
