package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.supportdesk.domain.tenant.Actor;

/**
 * Who changes a ticket, at which instant, and where new ids come from. The instant is truncated to microseconds, the
 * precision the stores keep, so a round trip gives back what went in.
 */
public record ChangeContext(Actor actor, Instant at, Supplier<UUID> ids) {
    public ChangeContext {
        Objects.requireNonNull(actor, "actor");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(ids, "ids");
    }
}
