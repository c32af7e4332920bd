package org.supportdesk.application;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.application.conversation.AddInternalNote;
import org.supportdesk.application.conversation.ReplyAsCustomer;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.CustomerMessageView;

/** The core over in-memory ports with two tenants, and short ways to reach common states. */
public abstract class UseCaseTest {
    protected final InMemorySupportdesk core = new InMemorySupportdesk();
    protected final TenantFixture acme = core.store(new TenantFixture("acme"));
    protected final TenantFixture globex = core.store(new TenantFixture("globex"));

    /** A new ticket filed by acme's customer. */
    protected TicketState aTicket() {
        return core.fileAndRead(new FileTicket.Command(
                acme.customerActor(),
                new Subject("Printer on fire"),
                new Description("Smoke everywhere"),
                new Category("technical"),
                Priority.URGENT,
                PortalContext.NONE,
                Optional.empty()));
    }

    /** A ticket staff moved to {@code status} (through in_progress where the table requires it). */
    protected TicketState aTicketIn(TicketStatus status) {
        TicketState ticket = aTicket();
        if (status == TicketStatus.NEW) {
            return ticket;
        }
        return moveTo(ticket.id(), status);
    }

    protected TicketState moveTo(TicketRef ticket, TicketStatus status) {
        return core.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(
                        acme.agentActor(), ticket, status, Optional.empty(), Optional.empty()))
                .ticket();
    }

    /** The ticket as stored now. */
    protected TicketState stored(TicketState ticket) {
        return core.read(ticket.tenant(), () -> core.tickets
                .find(ticket.tenant(), ticket.id())
                .orElseThrow()
                .state());
    }

    /** A customer's public reply, as the customer sees it. */
    protected CustomerMessageView customerReply(CustomerActor actor, TicketRef ticket, String body) {
        return core.portal().reply().handle(new ReplyAsCustomer.Command(actor, ticket, new Body(body), Via.PORTAL));
    }

    protected ReplyToTicket.Posted reply(StaffActor actor, TicketRef ticket, String body) {
        return core.desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(actor, ticket, new Body(body), Via.API, false, Optional.empty()));
    }

    protected ReplyToTicket.Posted note(TicketRef ticket, String body) {
        return core.desk()
                .addInternalNote()
                .handle(new AddInternalNote.Command(
                        acme.agentActor(), ticket, new Body(body), Via.API, Optional.empty()));
    }

    protected List<JournalAction> journalOf(TicketState ticket) {
        return core
                .read(
                        ticket.tenant(),
                        () -> core.journal.entriesAbout(
                                ticket.tenant(), ticket.id().value()))
                .stream()
                .map(JournalEntry::action)
                .collect(Collectors.toList());
    }

    protected List<Message> conversationOf(TicketState ticket) {
        return core.read(ticket.tenant(), () -> core.tickets.messagesOf(ticket.tenant(), ticket.id()));
    }

    protected List<NotificationIntent.NotificationTopic> topics() {
        return core.outbox.intents().stream().map(NotificationIntent::topic).collect(Collectors.toList());
    }
}
