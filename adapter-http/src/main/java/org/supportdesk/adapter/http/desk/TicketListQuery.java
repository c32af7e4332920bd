package org.supportdesk.adapter.http.desk;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.query.TicketSelection;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketFilter.AssigneeFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Reads the desk list's query (§10, §17 Lists): comma-separated lists, {@code status=all}, {@code P1}..{@code P4},
 * {@code assignee=me|none|<id>}, ISO instants for the created range, and {@code sort} with a {@code -} prefix. Values out
 * of range are refused, never clamped.
 */
final class TicketListQuery {
    ListTickets.Command read(Context ctx, StaffActor staff) {
        return read(ctx::queryParam, staff);
    }

    /** Reads the list from {@code query}, which answers a parameter's (first) value by name, or null. */
    ListTickets.Command read(UnaryOperator<String> query, StaffActor staff) {
        TicketSelection selection = selection(query, staff);
        PageRequest page = Requests.keysetPage(query);
        return new ListTickets.Command(
                staff, selection.filter(), selection.requesterEmail(), sort(query, selection.filter()), page);
    }

    /** The list's {@code sort}, defaulting to best match first with search text and newest first without. */
    TicketSort sort(Context ctx, TicketFilter filter) {
        return sort(ctx::queryParam, filter);
    }

    private static TicketSort sort(UnaryOperator<String> query, TicketFilter filter) {
        return Requests.query(query, "sort", TicketSort::parse)
                .orElse(filter.text().isPresent() ? TicketSort.BEST_MATCH_FIRST : TicketSort.NEWEST_FIRST);
    }

    /** The list's filters, which the stats and the export take too (§10). */
    TicketSelection selection(Context ctx, StaffActor staff) {
        return selection(ctx::queryParam, staff);
    }

    private static TicketSelection selection(UnaryOperator<String> query, StaffActor staff) {
        Set<TicketStatus> statuses = Requests.query(
                        query,
                        "status",
                        raw -> raw.equals("all") ? Set.<TicketStatus>of() : list(raw, TicketStatus::parse))
                .orElse(Set.of());
        Optional<RequesterParameter> requester = Requests.query(query, "requester", RequesterParameter::parse);
        TicketFilter filter = TicketFilter.builder()
                .statuses(statuses)
                .priorities(Requests.query(query, "priority", raw -> list(raw, Priority::parse))
                        .orElse(Set.of()))
                .categories(Requests.query(query, "category", raw -> list(raw, Category::new))
                        .orElse(Set.of()))
                .assignee(Requests.query(query, "assignee", raw -> assignee(raw, staff))
                        .orElse(AssigneeFilter.ANY))
                .tag(Requests.query(query, "tag", raw -> raw.toLowerCase(Locale.ROOT)))
                .requester(requester.flatMap(RequesterParameter::id))
                .organization(Requests.query(query, "organization", raw -> new OrganizationId(UUID.fromString(raw))))
                .escalated(Requests.query(query, "escalated", TicketListQuery::bool))
                .slaBreached(Requests.query(query, "sla_breached", TicketListQuery::bool))
                .createdFrom(Requests.timeQuery(query, "created_from"))
                .createdTo(Requests.timeQuery(query, "created_to"))
                .text(Requests.query(query, "q", text -> text))
                .build();
        return new TicketSelection(filter, requester.flatMap(RequesterParameter::email));
    }

    /** §10: the requester by id or by email address. */
    private record RequesterParameter(Optional<UserId> id, Optional<Email> email) {
        static RequesterParameter parse(String raw) {
            return raw.contains("@")
                    ? new RequesterParameter(Optional.empty(), Optional.of(Email.of(raw)))
                    : new RequesterParameter(Optional.of(new UserId(UUID.fromString(raw))), Optional.empty());
        }
    }

    private static <T> Set<T> list(String raw, Function<String, T> parse) {
        return Arrays.stream(raw.split(",")).map(String::strip).map(parse).collect(Collectors.toSet());
    }

    private static AssigneeFilter assignee(String raw, StaffActor staff) {
        if (raw.equals("me")) {
            return AssigneeFilter.of(staff.id());
        }
        return raw.equals("none") ? AssigneeFilter.NONE : AssigneeFilter.of(new UserId(UUID.fromString(raw)));
    }

    private static boolean bool(String raw) {
        if (!raw.equals("true") && !raw.equals("false")) {
            throw ValidationFailed.of("value", "must be true or false");
        }
        return Boolean.parseBoolean(raw);
    }
}
