package org.supportdesk.domain.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.ticket.ChangeContext;

/**
 * A hand-driven clock and id stream for {@link ChangeContext}s: {@code changes.by(agent)} is "the agent, now", and
 * {@link #advance} moves now. Starts at {@link #T0} unless told otherwise.
 */
public final class Changes {
    /** A fixed, unremarkable instant: Monday 2 March 2026, 09:00 UTC. */
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final SequentialIds ids;
    private Instant now;

    private Changes(Instant start, SequentialIds ids) {
        this.now = Objects.requireNonNull(start, "start");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Now is {@link #T0}; ids start at 1. */
    public static Changes atT0() {
        return startingAt(T0);
    }

    public static Changes startingAt(Instant start) {
        return new Changes(start, SequentialIds.startingAtOne());
    }

    /** A change by {@code actor} at the current instant. */
    public ChangeContext by(Actor actor) {
        return new ChangeContext(actor, now, ids);
    }

    /** A change by {@code actor} at {@code at}; does not move now. */
    public ChangeContext by(Actor actor, Instant at) {
        return new ChangeContext(actor, at, ids);
    }

    public Instant now() {
        return now;
    }

    /** Moves now forward (or back, with a negative amount) and answers the new now. */
    public Instant advance(Duration amount) {
        now = now.plus(amount);
        return now;
    }

    /** Sets now. */
    public Instant setNow(Instant instant) {
        now = Objects.requireNonNull(instant, "instant");
        return now;
    }

    public SequentialIds ids() {
        return ids;
    }
}
