package org.supportdesk.application.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.attachment.AttachmentLinks;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.AttachmentId;
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
    public record Command(CustomerActor actor, TicketRef ticket, Body body, Via via, List<AttachmentId> attachments) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ticket, "ticket");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(via, "via");
            attachments = List.copyOf(attachments);
        }

        /** A reply without attachments. */
        public Command(CustomerActor actor, TicketRef ticket, Body body, Via via) {
            this(actor, ticket, body, via, List.of());
        }
    }

    private final TicketChanges changes;
    private final TenantConfiguration configuration;
    private final AttachmentLinks links;

    public ReplyAsCustomer(TicketChanges changes, TenantConfiguration configuration, AttachmentLinks links) {
        this.changes = changes;
        this.configuration = configuration;
        this.links = links;
    }

    public CustomerMessageView handle(Command command) {
        return changes.inTransaction(command.actor(), () -> {
            var claim = links.claim(command.actor(), command.attachments(), Optional.empty());
            // No expected version: a customer never sees one, and an append never conflicts with what they saw (§17).
            var posted =
                    changes.changeWithResult(command.actor(), command.ticket(), Optional.empty(), (ticket, context) -> {
                        var reopenWindow =
                                configuration.settings(command.actor().tenant()).reopenWindow();
                        return ticket.reply(command.body(), command.via(), false, reopenWindow, context);
                    });
            var linked = links.attach(
                    claim, posted.ticket().id(), Optional.of(posted.result().id()));
            return TicketAccess.customerView(posted.result(), linked);
        });
    }
}
