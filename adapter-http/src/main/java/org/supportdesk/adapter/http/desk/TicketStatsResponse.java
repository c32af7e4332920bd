package org.supportdesk.adapter.http.desk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.TicketStats;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The §10 stats as JSON: counts, breaches, wall-clock minutes from creation to first response and to resolution
 * (average and median, two decimals), the resolution rate (resolved or closed over all), CSAT, and a count per UTC
 * day of the window.
 */
public record TicketStatsResponse(
        Instant from,
        Instant to,
        long total,
        Map<String, Long> byStatus,
        long unassigned,
        Breaches slaBreached,
        Minutes firstResponseMinutes,
        Minutes resolutionMinutes,
        Optional<BigDecimal> resolutionRate,
        Csat csat,
        List<Day> perDay) {

    /** Breached targets: first response, resolution, and either. */
    public record Breaches(long firstResponse, long resolution, long any) {}

    /** Minutes over {@code count} tickets; null average and median over none. */
    public record Minutes(long count, Optional<BigDecimal> average, Optional<BigDecimal> median) {}

    /** The ratings given: their average (two decimals, null over none) and how many. */
    public record Csat(Optional<BigDecimal> average, long count) {}

    /** Tickets created on one UTC day. */
    public record Day(LocalDate date, long count) {}

    static TicketStatsResponse of(TicketStats stats) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (TicketStatus status : TicketStatus.values()) {
            byStatus.put(status.wireName(), stats.byStatus().get(status));
        }
        return new TicketStatsResponse(
                stats.window().from(),
                stats.window().to(),
                stats.total(),
                byStatus,
                stats.unassigned(),
                new Breaches(
                        stats.breached().firstResponse(),
                        stats.breached().resolution(),
                        stats.breached().any()),
                minutes(stats.firstResponse()),
                minutes(stats.resolution()),
                stats.resolutionRate(),
                new Csat(stats.csat().average(), stats.csat().count()),
                stats.perDay().stream().map(d -> new Day(d.day(), d.count())).collect(Collectors.toList()));
    }

    private static Minutes minutes(TicketStats.Durations durations) {
        return new Minutes(
                durations.count(),
                durations.average().map(TicketStatsResponse::minutes),
                durations.median().map(TicketStatsResponse::minutes));
    }

    /** Wall-clock minutes, to two decimal places. */
    static BigDecimal minutes(Duration duration) {
        return BigDecimal.valueOf(duration.toNanos() / 1_000)
                .divide(BigDecimal.valueOf(60_000_000), 2, RoundingMode.HALF_UP);
    }
}
