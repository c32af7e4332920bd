package org.supportdesk.application.ticket;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.application.work.ChangedTicket;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.Message;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketNotFound;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Staff split chosen messages off a ticket into a new ticket for the same requester (§16): the messages, with their
 * files, move as they are (ids, authors, times); both tickets journal the split, naming each other and the messages.
 * The new ticket is filed now, under the current SLA policy, so its clocks run from the split: it is a request of its
 * own that nobody has answered yet. The ticket split from keeps its history and its clocks. One transaction.
 */
public final class SplitTicket {
    public record Command(StaffActor actor, TicketRef ticket, Set<MessageId> messages, Optional<Subject> subject) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            messages = Set.copyOf(messages);
            Objects.requireNonNull(subject, "subject");
        }
    }

    /** The ticket filed for the split, and the messages it takes. */
    private record Split(TicketState filed, List<Message> moved) {}

    private final TicketChanges changes;
    private final TicketRepository tickets;
    private final Attachments attachments;
    private final People people;
    private final TicketFiling filing;

    public SplitTicket(
            TicketChanges changes,
            TicketRepository tickets,
            Attachments attachments,
            TicketNumbers numbers,
            People people,
            TenantConfiguration configuration,
            SlaSettings slaSettings,
            KnowledgeBase knowledgeBase) {
        this.changes = changes;
        this.tickets = tickets;
        this.attachments = attachments;
        this.people = people;
        this.filing = new TicketFiling(changes, tickets, numbers, configuration, slaSettings, knowledgeBase);
    }

    /** Answers the new ticket. */
    public ChangedTicket handle(Command command) {
        StaffActor actor = command.actor();
        var tenant = actor.tenant();
        return changes.inTransaction(actor, () -> {
            // Held first, so the change below is never overtaken and retried, which would file a second ticket.
            Ticket held = tickets.find(tenant, command.ticket()).orElseThrow(TicketNotFound::new);
            tickets.lock(tenant, held.id());
            Person requester = people.person(tenant, held.state().requester())
                    .orElseThrow(() -> new IllegalStateException("a ticket's requester is stored"));
            Split split = changes.changeWithResult(actor, command.ticket(), Optional.empty(), (ticket, context) -> {
                        // The ticket as read under the lock, so the new one copies what is committed now.
                        TicketState source = ticket.state();
                        TicketState filed = filing.file(
                                actor,
                                requester,
                                new TicketFiling.Content(
                                        command.subject().orElse(source.subject()),
                                        new Description("Split from " + source.number() + ": "
                                                + source.subject().value()),
                                        source.category(),
                                        source.priority(),
                                        source.source(),
                                        PortalContext.NONE,
                                        source.customFields(),
                                        Optional.empty(),
                                        Optional.empty()));
                        List<Message> chosen = ticket.splitOff(
                                tickets.messagesOf(tenant, ticket.id()), command.messages(), filed.id(), context);
                        List<MessageId> ids = chosen.stream().map(Message::id).toList();
                        tickets.moveMessages(tenant, ids, filed.id());
                        attachments.moveWithMessages(tenant, ids, filed.id());
                        return new Split(filed, chosen);
                    })
                    .result();
            TicketState taken = changes.change(
                    actor,
                    split.filed().id(),
                    Optional.empty(),
                    (ticket, context) -> ticket.takeSplitMessages(split.moved(), held.id(), context));
            return new ChangedTicket(taken, requester.name());
        });
    }
}
