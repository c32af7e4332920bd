package org.supportdesk.application.call;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.notify.InAppNotifications;
import org.supportdesk.application.notify.NotificationRules;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.call.CustomerCallView;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Outbox;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * A customer asks to be called back (§9, seed 001): now, or at a time at most 30 days ahead, optionally about a ticket
 * they may see, with a number and a note. Journalled ({@code call_requested}) and announced to the agents through the
 * outbox (§13), in one transaction of the customer's tenant.
 *
 * <p>A ticket the customer may not see is refused as a bad field ({@code 400} on {@code ticket_id}), with one message
 * for a missing ticket, another customer's and another tenant's, so it tells nothing of which exists. Not a {@code
 * 404}: the request names no such ticket as its resource, it carries a field that is wrong.
 */
public final class RequestCallBack {
    public record Command(
            CustomerActor actor,
            Optional<Instant> scheduledAt,
            Optional<TicketId> ticket,
            Optional<PhoneNumber> phone,
            Optional<CallNote> note) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(scheduledAt, "scheduledAt");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(phone, "phone");
            Objects.requireNonNull(note, "note");
        }
    }

    private final AdminWork work;
    private final TransactionRunner transactions;
    private final CallRequests calls;
    private final TicketRepository tickets;
    private final Outbox outbox;
    private final InAppNotifications inApp;

    public RequestCallBack(
            AdminWork work,
            TransactionRunner transactions,
            CallRequests calls,
            TicketRepository tickets,
            Outbox outbox,
            InAppNotifications inApp) {
        this.work = work;
        this.transactions = transactions;
        this.calls = calls;
        this.tickets = tickets;
        this.outbox = outbox;
        this.inApp = inApp;
    }

    public CustomerCallView handle(Command command) {
        CustomerActor customer = command.actor();
        return transactions.inTransaction(customer.tenant(), () -> {
            Optional<TicketState> ticket = command.ticket().map(id -> requireVisible(customer, id));
            CallRequest call = CallRequest.request(
                    new CallId(work.newId()),
                    customer,
                    command.ticket(),
                    command.phone(),
                    command.note(),
                    command.scheduledAt(),
                    work.now());
            calls.add(call);
            work.recordCall(customer, JournalAction.CALL_REQUESTED, call, call.asRequested());
            NotificationIntent intent = NotificationRules.callRequested(call, work.newId());
            outbox.enqueue(intent);
            inApp.write(intent, call, ticket, customer.asAuthor());
            return CustomerCallView.of(call);
        });
    }

    private TicketState requireVisible(CustomerActor customer, TicketId ticket) {
        return tickets.find(customer.tenant(), ticket)
                .map(Ticket::state)
                .filter(state -> TicketAccess.canSee(customer, state))
                .orElseThrow(() -> ValidationFailed.of("ticket_id", "must be a ticket you can see"));
    }
}
