package org.supportdesk.adapter.http.desk;

import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.ticket.Message;

/** A message as staff see it (§17): author {id, name, role}, kind, body, via, resolution mark, time. */
public record MessageResponse(
        String id,
        Author author,
        String kind,
        boolean customerVisible,
        String body,
        String via,
        boolean isResolution,
        Instant createdAt) {

    /** Who wrote it; the system has neither id nor role. */
    public record Author(Optional<String> id, String name, String role) {}

    static MessageResponse of(Message m) {
        return new MessageResponse(
                m.id().toString(),
                new Author(
                        m.author().id().map(Object::toString),
                        m.author().name(),
                        m.author().role().map(Role::wireName).orElse("system")),
                m.kind().wireName(),
                m.customerVisible(),
                m.body().value(),
                m.via().wireName(),
                m.resolution(),
                m.createdAt());
    }
}
