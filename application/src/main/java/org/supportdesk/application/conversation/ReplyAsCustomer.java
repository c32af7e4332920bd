package org.supportdesk.application.conversation;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketRef;
import org.supportdesk.domain.ticket.Via;
import org.supportdesk.domain.visibility.CustomerMessageView;
import org.supportdesk.domain.visibility.TicketAccess;

/**
 * A customer replies on a ticket they may see (§4): it moves {@code waiting_on_customer} back to work, reopens a
 * resolved ticket within the tenant's reopen window, and after it asks for a follow-up ticket. The answer is the
 * customer's own view of the reply, so nothing staff-side ever travels back to them.
 */
public final class ReplyAsCustomer {
    public record Command(CustomerActor actor, TicketRef ticket, Body body, Via via) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(via, "via");
        }
    }

    private final TicketChanges changes;
    private final TenantConfiguration configuration;

    public ReplyAsCustomer(TicketChanges changes, TenantConfiguration configuration) {
        this.changes = changes;
        this.configuration = configuration;
    }

    public CustomerMessageView handle(Command command) {
        // No expected version: a customer never sees one, and an append never conflicts with what they saw (§17).
        var posted =
                changes.changeWithResult(command.actor(), command.ticket(), Optional.empty(), (ticket, context) -> {
                    var reopenWindow =
                            configuration.settings(command.actor().tenant()).reopenWindow();
                    return ticket.reply(command.body(), command.via(), false, reopenWindow, context);
                });
        return TicketAccess.customerView(posted.result());
    }
}
