package org.supportdesk.adapter.http.desk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.tenant.Role;

/** One journal entry in a ticket's history: who did what, with which changes, under which request, when. */
public record JournalEntryResponse(
        String id, Actor actor, String action, List<Change> changes, String correlationId, Instant at) {

    /** Who acted; the system has neither id nor role. */
    public record Actor(Optional<String> id, String name, String role) {}

    /** One field before and after. */
    public record Change(String field, Optional<String> before, Optional<String> after) {}

    static JournalEntryResponse of(JournalEntry e) {
        return new JournalEntryResponse(
                e.id().toString(),
                new Actor(
                        e.actor().id().map(Object::toString),
                        e.actor().name(),
                        e.actor().role().map(Role::wireName).orElse("system")),
                e.action().wireName(),
                e.changes().stream()
                        .map(c -> new Change(c.field(), c.before(), c.after()))
                        .collect(Collectors.toList()),
                e.correlationId(),
                e.at());
    }
}
