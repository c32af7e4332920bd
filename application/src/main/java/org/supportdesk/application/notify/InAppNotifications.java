package org.supportdesk.application.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.Notification;
import org.supportdesk.domain.port.NotificationId;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The in-app channel (§9, §10, §13), written in the transaction of the change that owes it: resolves an intent's
 * audiences to people through {@link Audiences} (as email does), and stores one notification per recipient
 * (docs/adr/0013). Whoever caused the change is not told of it.
 */
public final class InAppNotifications {
    private final Audiences audiences;
    private final Notifications notifications;
    private final IdGenerator ids;

    public InAppNotifications(People people, Notifications notifications, IdGenerator ids) {
        this.audiences = new Audiences(people);
        this.notifications = notifications;
        this.ids = ids;
    }

    /** Writes what {@code intent} owes about {@code ticket} (as the change left it). */
    public List<Notification> write(NotificationIntent intent, TicketState ticket) {
        return write(intent, Optional.of(ticket), ticket.subject().value());
    }

    /** Writes what a new call-back request owes; {@code ticket} is the one it names, if any. */
    public List<Notification> write(
            NotificationIntent intent, CallRequest call, Optional<TicketState> ticket, Author by) {
        return write(
                intent, ticket, ticket.map(t -> t.subject().value()).orElse("Call back requested by " + by.name()));
    }

    private List<Notification> write(NotificationIntent intent, Optional<TicketState> ticket, String title) {
        TenantId tenant = intent.tenant();
        List<Notification> written = new ArrayList<>();
        for (Person recipient : audiences.resolve(intent, ticket)) {
            written.add(new Notification(
                    new NotificationId(ids.newId()),
                    tenant,
                    recipient.id(),
                    intent.topic(),
                    ticket.map(TicketState::id),
                    ticket.map(TicketState::number),
                    intent.call(),
                    title,
                    intent.at(),
                    Optional.empty()));
        }
        if (!written.isEmpty()) {
            notifications.add(tenant, written);
        }
        return written;
    }
}
