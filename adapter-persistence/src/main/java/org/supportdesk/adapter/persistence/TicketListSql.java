package org.supportdesk.adapter.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.supportdesk.domain.port.ListCursor;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * The one SQL statement of a ticket list request: its matches counted, one page of them in order, and of each listed
 * ticket the count and latest time of its customer-visible messages. The text is assembled only from the fixed
 * fragments below, chosen by which filters are present; every value the caller gave is a bound parameter.
 *
 * <p>The page is found first by ticket id alone ({@code page}), so that skipping to a deeper page walks the narrow sort
 * index (an index-only scan when no filter needs the row) instead of fetching every skipped row, and only the tickets
 * of the page are then read whole ({@code listed}).
 */
final class TicketListSql {
    /** Characters of ticket numbers; only such text is also looked up as a number prefix. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("[A-Z0-9-]+");

    private final List<String> where = new ArrayList<>();
    /**
     * Where the page starts after a cursor's row: one condition, or two whose rows follow one another in the list's
     * order (each read by its own index range). Only the page is narrowed by it, never the total.
     */
    private List<String> keyset = List.of();

    private final Map<String, Object> bindings = new LinkedHashMap<>();
    private final TicketSort sort;
    private final boolean searching;
    private final boolean customer;
    /** A customer's condition on {@code t}, repeated in each branch of their search (see {@link #hits()}). */
    private String visibility = "";

    private final boolean byNumber;
    /** The counter rows whose sum is the total ({@code FROM} and {@code WHERE}), when the counters split by the filter. */
    private final Optional<String> counted;

    private TicketListSql(TenantId tenant, TicketFilter filter, TicketSort sort, Optional<PageRequest> page) {
        this.sort = sort;
        this.searching = filter.text().isPresent();
        this.customer = filter.customer().isPresent();
        bind("tenant", tenant.value());
        page.ifPresent(p -> {
            bind("limit", p.limit());
            bind("offset", p.rowsToSkip());
        });
        where.add("t.tenant_id = :tenant");
        where.add("t.deleted_at IS NULL");
        filter.customer().ifPresent(this::visibleTo);
        if (!filter.statuses().isEmpty()) {
            where.add("t." + statusCondition(filter));
            if (filter.statuses().size() == 1) {
                bind("status", filter.statuses().iterator().next().wireName());
            } else {
                bind(
                        "statuses",
                        filter.statuses().stream()
                                .map(TicketStatus::wireName)
                                .sorted()
                                .toArray(String[]::new));
            }
        }
        if (!filter.priorities().isEmpty()) {
            // By the generated rank (low 1 … urgent 4), so that tickets_by_priority also serves the filter and its
            // count.
            where.add("t.priority_rank = ANY (CAST(:priorities AS smallint[]))");
            bind(
                    "priorities",
                    filter.priorities().stream()
                            .map(priority -> priority.ordinal() + 1)
                            .sorted()
                            .toArray(Integer[]::new));
        }
        if (!filter.categories().isEmpty()) {
            where.add("t.category = ANY (CAST(:categories AS text[]))");
            bind(
                    "categories",
                    filter.categories().stream().map(c -> c.value()).sorted().toArray(String[]::new));
        }
        if (filter.assignee().unassigned()) {
            where.add("t.assignee_id IS NULL");
        }
        filter.assignee().person().ifPresent(assignee -> {
            where.add("t.assignee_id = :assignee");
            bind("assignee", assignee.value());
        });
        filter.tag().ifPresent(tag -> {
            // The tag's id found once, so that each ticket walked in the list's order costs one exact probe of
            // ticket_tags' key: a tag on one ticket in 200 walks some 4,000 tickets for a page of 20 (44 → 6 ms when
            // each probe also joined the ticket's tags to their names).
            where.add(
                    """
                    EXISTS (SELECT 1 FROM ticket_tags tt
                             WHERE tt.tenant_id = :tenant AND tt.ticket_id = t.id
                               AND tt.tag_id = (SELECT g.id FROM tags g WHERE g.tenant_id = :tenant AND g.name = :tag))""");
            bind("tag", tag);
        });
        filter.requester().ifPresent(requester -> {
            where.add("t.requester_id = :requester");
            bind("requester", requester.value());
        });
        filter.organization().ifPresent(organization -> {
            where.add("t.organization_id = :organization");
            bind("organization", organization.value());
        });
        filter.escalated()
                .ifPresent(escalated -> where.add(escalated ? "t.escalated_at IS NOT NULL" : "t.escalated_at IS NULL"));
        filter.slaBreached().ifPresent(breached -> where.add(breached ? "t.sla_breached" : "NOT t.sla_breached"));
        filter.createdFrom().ifPresent(from -> {
            where.add("t.created_at >= :createdFrom");
            bind("createdFrom", from);
        });
        filter.createdTo().ifPresent(to -> {
            where.add("t.created_at < :createdTo");
            bind("createdTo", to);
        });
        Optional<String> number = filter.text().map(text -> text.toUpperCase(Locale.ROOT));
        this.byNumber = number.filter(n -> NUMBER_TEXT.matcher(n).matches()).isPresent();
        filter.text().ifPresent(text -> {
            bind("text", text);
            bind("pattern", "%" + likeEscaped(text) + "%");
        });
        this.counted = searching ? Optional.empty() : countersFor(filter, where.size());
        page.flatMap(PageRequest::after).ifPresent(this::startAfter);
        if (byNumber) {
            // A prefix as a range of text_pattern_ops comparisons: these operators are leakproof, so row-level
            // security lets the index take them (LIKE is not), and the range needs no constant pattern to plan.
            String prefix = number.orElseThrow();
            bind("numberFrom", prefix);
            bind(
                    "numberTo",
                    prefix.substring(0, prefix.length() - 1) + (char) (prefix.charAt(prefix.length() - 1) + 1));
        }
    }

    /** The statement for one list request. */
    static TicketListSql of(TenantId tenant, TicketFilter filter, TicketSort sort, PageRequest page) {
        return new TicketListSql(tenant, filter, sort, Optional.of(page));
    }

    /** The statements over every match at once, unpaged: {@link #statsSql()} and {@link #exportSql()}. */
    static TicketListSql unpaged(TenantId tenant, TicketFilter filter, TicketSort sort) {
        return new TicketListSql(tenant, filter, sort, Optional.empty());
    }

    /** Customers see what they requested and, when their organisation shares tickets, its tickets too (§8). */
    private void visibleTo(CustomerActor viewer) {
        bind("viewer", viewer.id().value());
        if (viewer.seesOrganizationTickets()) {
            visibility = "(t.requester_id = :viewer OR t.organization_id = :viewerOrganization)";
            bind("viewerOrganization", viewer.organization().orElseThrow().value());
        } else {
            visibility = "t.requester_id = :viewer";
        }
        where.add(visibility);
    }

    Map<String, Object> bindings() {
        return Collections.unmodifiableMap(bindings);
    }

    String sql() {
        String join = searching ? "\n  JOIN hits h ON h.id = t.id" : "";
        String conditions = String.join("\n   AND ", where);
        return "WITH "
                + (searching ? hits() + ",\n" : "")
                + "page AS (\n"
                + page(join, conditions)
                + "),\n"
                + "total AS (\n"
                + total(join, conditions)
                + "),\n"
                + "listed AS (\n"
                + TicketDao.SELECT_TICKET
                + "  JOIN page p ON p.id = t.id\n"
                + " WHERE t.tenant_id = :tenant\n"
                + ")\n"
                + """
                SELECT total.total, l.*, u.name AS requester_name, v.visible_messages, v.last_visible_at,
                       p.cursor_key,"""
                + (rankedBySearch() ? " p.rank" : " CAST(NULL AS integer)")
                + """
                 AS cursor_rank
                  FROM total
                  LEFT JOIN (listed l JOIN page p ON p.id = l.id) ON true
                  LEFT JOIN users u ON u.tenant_id = l.tenant_id AND u.id = l.requester_id
                  LEFT JOIN LATERAL (
                      SELECT count(*) AS visible_messages, max(m.created_at) AS last_visible_at
                        FROM messages m
                       WHERE m.tenant_id = :tenant AND m.ticket_id = l.id AND m.customer_visible) v ON true
                """
                + " ORDER BY " + order("l", "p.rank");
    }

    /**
     * The ids of the page's tickets, with what their cursors keep: the matches in order after skipping earlier pages,
     * or after a cursor's row, where a condition in two parts (only the due order has one) takes the first rows of
     * each part in order and the page's rows of those.
     */
    private String page(String join, String conditions) {
        String select = "SELECT t.id" + (searching ? ", h.rank" : "") + ", " + cursorKey() + " AS cursor_key"
                + (keyset.size() > 1 ? ", t.next_due_at" : "") + "\n"
                + "  FROM tickets t" + join + "\n"
                + " WHERE " + conditions;
        String order = "\n ORDER BY " + order("t", "h.rank") + "\n LIMIT :limit";
        if (keyset.isEmpty()) {
            return select + order + " OFFSET :offset\n";
        }
        if (keyset.size() == 1) {
            return select + "\n   AND " + keyset.get(0) + order + "\n";
        }
        return "SELECT t.id" + (searching ? ", t.rank" : "") + ", t.cursor_key FROM (\n"
                + String.join(
                        "\nUNION ALL\n",
                        keyset.stream()
                                .map(part -> "(" + select + "\n   AND " + part + order + ")")
                                .toList())
                + "\n) t\n ORDER BY " + order("t", "t.rank") + "\n LIMIT :limit\n";
    }

    /**
     * The exact number of matches: counted, or, when only what the tenant's ticket counters split by narrows the list,
     * added up from a few counter rows (kept by triggers), since a million tickets would otherwise make the count the
     * slowest part of the statement.
     */
    private String total(String join, String conditions) {
        return counted.map(counters ->
                        "SELECT CAST(coalesce(sum(c.tickets), 0) AS bigint) AS total\n" + "  FROM " + counters + "\n")
                .orElseGet(() -> "SELECT count(*) AS total\n" + "  FROM tickets t" + join + "\n" + " WHERE "
                        + conditions + "\n");
    }

    /**
     * The status filter, a single status as an equality: PostgreSQL 15 reads {@code = ANY} on an index column after
     * the first as a set of ranges without order, so a queue of one status sorted by due time or age could not be read
     * from an index in order ({@code tickets_unassigned_by_due}, {@code tickets_by_status}) and sorted every match.
     */
    private static String statusCondition(TicketFilter filter) {
        return filter.statuses().size() == 1 ? "status = :status" : "status = ANY (CAST(:statuses AS text[]))";
    }

    /**
     * The counter rows equal to the list's matches, when every condition is one the counters split by: the tenant and
     * liveness, which every list has ({@code conditions} in all), any statuses, and either a tag ({@code
     * ticket_tag_counts}, V145: a few rows per status) or any of the unassigned, escalated and breached flags ({@code
     * ticket_counts}, V120 and V144: at most 48 rows).
     */
    private static Optional<String> countersFor(TicketFilter filter, int conditions) {
        List<String> counter = new ArrayList<>(List.of("c.tenant_id = :tenant"));
        if (!filter.statuses().isEmpty()) {
            counter.add("c." + statusCondition(filter));
        }
        String counters;
        if (filter.tag().isPresent()) {
            counters = "ticket_tag_counts c JOIN tags g ON g.tenant_id = c.tenant_id AND g.id = c.tag_id";
            counter.add("g.tenant_id = :tenant AND g.name = :tag");
        } else {
            counters = "ticket_counts c";
            if (filter.assignee().unassigned()) {
                counter.add("c.unassigned");
            }
            filter.escalated().ifPresent(escalated -> counter.add(escalated ? "c.escalated" : "NOT c.escalated"));
            filter.slaBreached().ifPresent(breached -> counter.add(breached ? "c.sla_breached" : "NOT c.sla_breached"));
        }
        return conditions == counter.size() + 1
                ? Optional.of(counters + "\n WHERE " + String.join(" AND ", counter))
                : Optional.empty();
    }

    /**
     * The §10 figures of every match in one statement, so that all of them are read from one snapshot and match
     * exactly what {@link #sql()} lists: the same {@code WHERE}, the same search. Durations are whole microseconds of
     * wall-clock time since creation; their median is the mean of {@code percentile_disc}'s lower and upper middle
     * values, which ordered-set aggregates take over the non-null values only. The statuses and UTC days come back as
     * parallel arrays of the groups that have any match.
     */
    String statsSql() {
        String join = searching ? "\n  JOIN hits h ON h.id = t.id" : "";
        return "WITH "
                + (searching ? hits() + ",\n" : "")
                + "matched AS (\n"
                + """
                SELECT t.status, t.assignee_id, t.first_response_breached_at, t.resolution_breached_at, t.sla_breached,
                       t.feedback_rating, (t.created_at AT TIME ZONE 'UTC')::date AS day,
                       CAST((extract(epoch FROM t.first_responded_at) - extract(epoch FROM t.created_at)) * 1000000
                            AS bigint) AS first_response_micros,
                       CAST((extract(epoch FROM t.resolved_at) - extract(epoch FROM t.created_at)) * 1000000
                            AS bigint) AS resolution_micros
                """
                + "  FROM tickets t" + join + "\n"
                + " WHERE " + String.join("\n   AND ", where) + "\n"
                + "),\n"
                + """
                figures AS (
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE assignee_id IS NULL) AS unassigned,
                       count(*) FILTER (WHERE first_response_breached_at IS NOT NULL) AS first_response_breached,
                       count(*) FILTER (WHERE resolution_breached_at IS NOT NULL) AS resolution_breached,
                       count(*) FILTER (WHERE sla_breached) AS any_breached,
                       count(first_response_micros) AS first_response_count,
                       CAST(div(sum(first_response_micros), count(first_response_micros)) AS bigint) AS first_response_average,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY first_response_micros) AS first_response_lower_median,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY first_response_micros DESC)
                           AS first_response_upper_median,
                       count(resolution_micros) AS resolution_count,
                       CAST(div(sum(resolution_micros), count(resolution_micros)) AS bigint) AS resolution_average,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY resolution_micros) AS resolution_lower_median,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY resolution_micros DESC) AS resolution_upper_median,
                       count(feedback_rating) AS csat_count,
                       coalesce(sum(feedback_rating), 0) AS csat_sum
                  FROM matched
                )
                SELECT figures.*,
                       ARRAY(SELECT status FROM matched GROUP BY status ORDER BY status) AS statuses,
                       ARRAY(SELECT count(*) FROM matched GROUP BY status ORDER BY status) AS status_counts,
                       ARRAY(SELECT to_char(day, 'YYYY-MM-DD') FROM matched GROUP BY day ORDER BY day) AS days,
                       ARRAY(SELECT count(*) FROM matched GROUP BY day ORDER BY day) AS day_counts
                  FROM figures
                """;
    }

    /**
     * Every match, whole, in the list's order, with the names an export shows: the requester's name and address, the
     * organisation's and the assignee's names; the ticket's columns and tags as {@link TicketDao#SELECT_TICKET} reads
     * them, so {@link TicketRow} maps them. Run with a fetch size, so PostgreSQL hands the rows over a batch at a
     * time instead of all at once.
     */
    String exportSql() {
        String join = searching ? "\n  JOIN hits h ON h.id = t.id" : "";
        return (searching ? "WITH " + hits() + "\n" : "")
                + """
                SELECT t.*,
                       ARRAY(SELECT g.name FROM ticket_tags tt JOIN tags g ON g.tenant_id = tt.tenant_id AND g.id = tt.tag_id
                              WHERE tt.tenant_id = t.tenant_id AND tt.ticket_id = t.id ORDER BY g.name) AS tags,
                       r.name AS requester_name, r.email AS requester_email, o.name AS organization_name,
                       a.name AS assignee_name
                  FROM tickets t"""
                + join
                + "\n  JOIN users r ON r.tenant_id = t.tenant_id AND r.id = t.requester_id"
                + "\n  LEFT JOIN organizations o ON o.tenant_id = t.tenant_id AND o.id = t.organization_id"
                + "\n  LEFT JOIN users a ON a.tenant_id = t.tenant_id AND a.id = t.assignee_id"
                + "\n WHERE " + String.join("\n   AND ", where) + "\n"
                + " ORDER BY " + order("t", "h.rank");
    }

    /**
     * The tickets the search text finds, each with its best rank: 3 when the subject (weight A) matches the whole
     * query, 2 when subject and description together do (weight B), 1 for a match only in a message body (weight C,
     * customers' searches looking only at messages they may see), the ticket number or the requester's name or email.
     *
     * <p>A customer's search starts from the tickets they may see ({@code visible}, materialised, read through the
     * requester and organisation indexes) and looks for the words in those tickets and, one ticket at a time, in their
     * conversations: a word common across a million-ticket tenant then costs the customer's few conversations, not
     * every match in the tenant. Left to the planner, the tenant-wide GIN index won (it underestimates common words)
     * and a customer's search read a quarter of a million messages.
     */
    private String hits() {
        String own = visibility.isEmpty() ? "" : " AND " + visibility;
        String tickets = customer
                ? """
                    SELECT v.id, CASE WHEN ts_filter(v.search, '{a}') @@ query.q THEN 3 ELSE 2 END AS rank
                      FROM visible v, query
                     WHERE v.search @@ query.q"""
                : """
                    SELECT t.id, CASE WHEN ts_filter(t.search, '{a}') @@ query.q THEN 3 ELSE 2 END AS rank
                      FROM tickets t, query
                     WHERE t.tenant_id = :tenant AND t.deleted_at IS NULL AND t.search @@ query.q""";
        String messages = customer
                ? """
                    SELECT v.id, 1
                      FROM visible v, query,
                           LATERAL (SELECT 1 FROM messages m
                                     WHERE m.tenant_id = :tenant AND m.ticket_id = v.id AND m.customer_visible
                                       AND m.search @@ query.q
                                     LIMIT 1) said"""
                : """
                    SELECT m.ticket_id, 1
                      FROM messages m, query
                     WHERE m.tenant_id = :tenant AND m.search @@ query.q""";
        return """
                query AS (SELECT websearch_to_tsquery('simple', :text) AS q),"""
                + (customer
                        ? """

                visible AS MATERIALIZED (
                    SELECT t.id, t.search FROM tickets t
                     WHERE t.tenant_id = :tenant AND t.deleted_at IS NULL"""
                                + own
                                + "),"
                        : "")
                + """

                hits AS (
                SELECT hit.id, max(hit.rank) AS rank
                  FROM (
                """
                + tickets
                + """

                    UNION ALL
                """
                + messages
                + (byNumber
                        ? """

                    UNION ALL
                    SELECT t.id, 1
                      FROM tickets t
                     WHERE t.tenant_id = :tenant AND t.deleted_at IS NULL
                       AND t.number ~>=~ :numberFrom AND t.number ~<~ :numberTo"""
                                + own
                        : "")
                + """

                    UNION ALL
                    SELECT t.id, 1
                      FROM users u
                      JOIN tickets t ON t.tenant_id = u.tenant_id AND t.requester_id = u.id AND t.deleted_at IS NULL
                     WHERE u.tenant_id = :tenant AND (u.name ILIKE :pattern OR u.email ILIKE :pattern)"""
                + own
                + """

                  ) hit
                 GROUP BY hit.id
                )""";
    }

    /**
     * The ORDER BY of the sort over the ticket columns of {@code ticket}, the tie-break by id in the same direction;
     * relevance is best first then newest first whatever the direction, and newest first without search text.
     */
    private String order(String ticket, String rank) {
        String direction = sort.descending() ? "DESC" : "ASC";
        String newestFirst = ticket + ".created_at DESC, " + ticket + ".id DESC";
        String key =
                switch (sort.key()) {
                    case CREATED -> ticket + ".created_at " + direction;
                    case UPDATED -> ticket + ".updated_at " + direction;
                    case PRIORITY -> ticket + ".priority_rank " + direction;
                    case DUE -> ticket + ".next_due_at " + direction + " NULLS LAST";
                    case RELEVANCE -> null;
                };
        if (key == null) {
            return searching ? rank + " DESC, " + newestFirst : newestFirst;
        }
        return key + ", " + ticket + ".id " + direction;
    }

    /** Whether the list is in order of search relevance, which its cursors keep beside the filing time. */
    private boolean rankedBySearch() {
        return sort.key() == TicketSort.Key.RELEVANCE && searching;
    }

    /** The list's order as a cursor names it: the sort's wire name, {@code -} first when descending. */
    private String orderName() {
        return (sort.descending() ? "-" : "") + sort.key().wireName();
    }

    /**
     * The sort value of a listed ticket as its cursor keeps it, text: a time as whole microseconds since the epoch, a
     * priority as its rank; with search text, relevance keeps the rank apart ({@code cursor_rank}) and the time here.
     */
    private String cursorKey() {
        return switch (sort.key()) {
            case CREATED, RELEVANCE -> micros("t.created_at");
            case UPDATED -> micros("t.updated_at");
            case DUE -> micros("t.next_due_at");
            case PRIORITY -> "CAST(t.priority_rank AS text)";
        };
    }

    private static String micros(String column) {
        return "CAST(CAST(extract(epoch FROM " + column + ") * 1000000 AS bigint) AS text)";
    }

    /**
     * Narrows the page to the rows after the cursor's in the list's order, as a comparison of (sort value, id) rows
     * that the sort index answers with a range scan, however deep the page.
     */
    private void startAfter(ListCursor cursor) {
        cursor.requireOrder(orderName());
        int values = cursor.values().size();
        bind("afterId", cursor.lastId());
        String after = sort.descending() || sort.key() == TicketSort.Key.RELEVANCE ? "<" : ">";
        String time = Columns.instantOfMicros("afterKey");
        if (sort.key() == TicketSort.Key.DUE && values == 0) {
            // Already among the tickets with no due time, which come last in either direction.
            keyset = List.of("t.next_due_at IS NULL AND t.id " + after + " :afterId");
            return;
        }
        int expected = rankedBySearch() ? 2 : 1;
        if (values != expected) {
            throw ListCursor.notOneOurs();
        }
        bind("afterKey", cursor.number(values - 1));
        if (sort.key() == TicketSort.Key.DUE) {
            // The later due times, then the tickets with none: two index ranges rather than one OR that reads neither.
            keyset = List.of("(t.next_due_at, t.id) " + after + " (" + time + ", :afterId)", "t.next_due_at IS NULL");
            return;
        }
        keyset = List.of(
                switch (sort.key()) {
                    case CREATED -> "(t.created_at, t.id) " + after + " (" + time + ", :afterId)";
                    case UPDATED -> "(t.updated_at, t.id) " + after + " (" + time + ", :afterId)";
                    case PRIORITY -> "(t.priority_rank, t.id) " + after + " (CAST(:afterKey AS smallint), :afterId)";
                    case DUE -> throw new IllegalStateException("a due cursor has two parts");
                    case RELEVANCE -> {
                        if (!searching) {
                            yield "(t.created_at, t.id) < (" + time + ", :afterId)";
                        }
                        bind("afterRank", cursor.number(0));
                        yield "(h.rank, t.created_at, t.id) < (CAST(:afterRank AS integer), " + time + ", :afterId)";
                    }
                });
    }

    /**
     * The cursor of the page after {@code page}, from its last row, while matches remain beyond it; empty on the last
     * page.
     */
    Optional<ListCursor> next(PageRequest page, long total, List<ListedTicketRow> rows) {
        if (!page.hasPageAfter(total) || rows.isEmpty()) {
            return Optional.empty();
        }
        ListedTicketRow last = rows.get(rows.size() - 1);
        if (last.ticket().isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        last.cursorRank().ifPresent(rank -> values.add(Integer.toString(rank)));
        last.cursorKey().ifPresent(values::add);
        return Optional.of(new ListCursor(
                page.page() + 1, orderName(), values, last.ticket().get().id()));
    }

    private void bind(String name, Object value) {
        bindings.put(name, value);
    }

    /** {@code text} matched literally by LIKE: its wildcards and the escape character escaped. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
