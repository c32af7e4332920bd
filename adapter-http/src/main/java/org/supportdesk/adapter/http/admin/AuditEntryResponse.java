package org.supportdesk.adapter.http.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.tenant.Role;

/** One audit-log entry: who did what to which record, the changes, the request's correlation id, and when. */
public record AuditEntryResponse(
        String id, Actor actor, String action, Target target, List<Change> changes, String correlationId, Instant at) {

    /** Who acted: a staff member, or an integration token's identity. */
    public record Actor(Optional<String> id, String name, String role) {}

    /** The record the entry is about: its kind ({@code ticket}, {@code person} …) and id. */
    public record Target(String kind, String id) {}

    /** One field before and after. */
    public record Change(String field, Optional<String> before, Optional<String> after) {}

    static AuditEntryResponse of(JournalEntry e) {
        return new AuditEntryResponse(
                e.id().toString(),
                new Actor(
                        e.actor().id().map(Object::toString),
                        e.actor().name(),
                        e.actor().role().map(Role::wireName).orElse("system")),
                e.action().wireName(),
                new Target(
                        e.targetKind().name().toLowerCase(Locale.ROOT),
                        e.targetId().toString()),
                e.changes().stream()
                        .map(c -> new Change(c.field(), c.before(), c.after()))
                        .collect(Collectors.toList()),
                e.correlationId(),
                e.at());
    }
}
