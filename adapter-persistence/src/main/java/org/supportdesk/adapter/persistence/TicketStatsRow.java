package org.supportdesk.adapter.persistence;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.port.StatsWindow;
import org.supportdesk.domain.port.TicketStats;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The one row of the stats statement ({@link TicketListSql#statsSql()}): the counts, the durations' averages and
 * middle values in microseconds (null over no tickets), the ratings' count and sum, and the statuses and days with
 * their counts as parallel arrays.
 */
public record TicketStatsRow(
        long total,
        long unassigned,
        long firstResponseBreached,
        long resolutionBreached,
        long anyBreached,
        Measured firstResponse,
        Measured resolution,
        long csatCount,
        long csatSum,
        Map<String, Long> statuses,
        Map<LocalDate, Long> days) {

    /** Durations in microseconds: how many, their truncated mean, and the lower and upper middle values. */
    record Measured(long count, Long average, Long lowerMedian, Long upperMedian) {
        TicketStats.Durations toDomain() {
            if (count == 0) {
                return TicketStats.Durations.NONE;
            }
            return new TicketStats.Durations(
                    count,
                    Optional.of(TicketStats.Durations.micros(average)),
                    Optional.of(TicketStats.Durations.median(lowerMedian, upperMedian)));
        }
    }

    TicketStats toDomain(StatsWindow window) {
        Map<TicketStatus, Long> byStatus = new EnumMap<>(TicketStatus.class);
        for (TicketStatus status : TicketStatus.values()) {
            byStatus.put(status, statuses.getOrDefault(status.wireName(), 0L));
        }
        return new TicketStats(
                window,
                total,
                byStatus,
                unassigned,
                new TicketStats.Breaches(firstResponseBreached, resolutionBreached, anyBreached),
                firstResponse.toDomain(),
                resolution.toDomain(),
                new TicketStats.Ratings(csatCount, csatSum),
                TicketStats.perDay(window, days));
    }

    /** Maps by hand: the arrays and the nullable aggregates have no constructor-mapper shape. */
    public static final class Mapper implements RowMapper<TicketStatsRow> {
        @Override
        public TicketStatsRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            Map<String, Long> statuses = new HashMap<>();
            zip(rs.getArray("statuses"), rs.getArray("status_counts"), (k, v) -> statuses.put((String) k, v));
            Map<LocalDate, Long> days = new HashMap<>();
            zip(rs.getArray("days"), rs.getArray("day_counts"), (k, v) -> days.put(LocalDate.parse((String) k), v));
            return new TicketStatsRow(
                    rs.getLong("total"),
                    rs.getLong("unassigned"),
                    rs.getLong("first_response_breached"),
                    rs.getLong("resolution_breached"),
                    rs.getLong("any_breached"),
                    measured(rs, "first_response"),
                    measured(rs, "resolution"),
                    rs.getLong("csat_count"),
                    rs.getLong("csat_sum"),
                    statuses,
                    days);
        }

        private static Measured measured(ResultSet rs, String prefix) throws SQLException {
            return new Measured(
                    rs.getLong(prefix + "_count"),
                    rs.getObject(prefix + "_average", Long.class),
                    rs.getObject(prefix + "_lower_median", Long.class),
                    rs.getObject(prefix + "_upper_median", Long.class));
        }

        private interface Pair {
            void put(Object key, long count);
        }

        private static void zip(Array keys, Array counts, Pair pair) throws SQLException {
            Object[] k = (Object[]) keys.getArray();
            Object[] c = (Object[]) counts.getArray();
            for (int i = 0; i < k.length; i++) {
                pair.put(k[i], ((Number) c[i]).longValue());
            }
        }
    }
}
