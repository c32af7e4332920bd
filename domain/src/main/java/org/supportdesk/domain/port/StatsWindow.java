package org.supportdesk.domain.port;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * The stretch of creation time the ticket stats cover (§10): {@code from} inclusive, {@code to} exclusive, at most
 * {@link #MAX_LENGTH} long so that the per-day counts stay a chart and not a dump.
 */
public record StatsWindow(Instant from, Instant to) {
    /** The default window: the last 30 days. */
    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);

    public static final Duration MAX_LENGTH = Duration.ofDays(366);

    public StatsWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw ValidationFailed.of("to", "must be after from");
        }
        if (Duration.between(from, to).compareTo(MAX_LENGTH) > 0) {
            throw ValidationFailed.of("to", "must be at most " + MAX_LENGTH.toDays() + " days after from");
        }
    }

    /** The window ending at {@code now} unless {@code to} is given, starting 30 days before its end unless given. */
    public static StatsWindow of(Optional<Instant> from, Optional<Instant> to, Instant now) {
        Instant end = to.orElse(now);
        return new StatsWindow(from.orElse(end.minus(DEFAULT_LENGTH)), end);
    }

    /**
     * {@code filter} narrowed to tickets created within this window (its own created range, if any, intersected with
     * it); empty when the two do not overlap, so nothing can match.
     */
    public Optional<TicketFilter> narrow(TicketFilter filter) {
        Instant start = filter.createdFrom().filter(f -> f.isAfter(from)).orElse(from);
        Instant end = filter.createdTo().filter(t -> t.isBefore(to)).orElse(to);
        if (!start.isBefore(end)) {
            return Optional.empty();
        }
        return Optional.of(filter.toBuilder()
                .createdFrom(Optional.of(start))
                .createdTo(Optional.of(end))
                .build());
    }

    /** Every UTC calendar day the window touches, oldest first. */
    public List<LocalDate> days() {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day);
        }
        return days;
    }
}
