package org.supportdesk.adapter.http.desk;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.supportdesk.adapter.http.Refusals;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * S15, the desk's list query (and the {@link TicketFilter}, sort and page it builds): any query string is a list
 * command within the documented bounds or a 400 naming a parameter, never another exception.
 */
class TicketListQueryFuzzTest {
    private static final StaffActor AGENT = StaffActor.of(new TenantFixture("acme").agent);
    private static final TicketListQuery QUERY = new TicketListQuery();

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "status=",
        "priority=",
        "category=",
        "assignee=",
        "tag=",
        "requester=",
        "organization=",
        "escalated=",
        "sla_breached=",
        "created_from=",
        "created_to=",
        "q=",
        "sort=",
        "page=",
        "limit=",
        "&",
        ",",
        "all",
        "me",
        "none",
        "open",
        "pending",
        "resolved",
        "closed",
        "urgent",
        "low",
        "P1",
        "P4",
        "true",
        "false",
        "-created",
        "relevance",
        "-due",
        "2026-01-01T00:00:00Z",
        "+1000000000-12-31T23:59:59.999999999Z",
        "3f2a9c1e-0000-4000-8000-000000000001",
        "carla@acme.example",
        "2147483647",
        "-1",
        "%00",
        "\u0000"
    })
    void any_query_is_a_bounded_list_or_a_400(byte[] input) {
        Map<String, String> parameters = firstValues(new String(input, StandardCharsets.UTF_8));
        ListTickets.Command command;
        try {
            command = QUERY.read(parameters::get, AGENT);
        } catch (RuntimeException refused) {
            assertThat(Refusals.statusOf(refused)).isEqualTo(400);
            return;
        }
        assertThat(command.page().page()).isPositive();
        assertThat(command.page().limit()).isBetween(1, PageRequest.MAX_TICKET_LIMIT);
        TicketFilter filter = command.filter();
        assertThat(filter.customer()).isEmpty();
        filter.text().ifPresent(text -> assertThat(text)
                .hasSizeBetween(1, TicketFilter.MAX_TEXT_LENGTH)
                .isEqualTo(text.strip())
                .matches(Validation::isPlainText));
        filter.tag().ifPresent(tag -> assertThat(tag).matches(Validation::isPlainText));
        Stream.of(filter.createdFrom(), filter.createdTo())
                .flatMap(Optional::stream)
                .forEach(time ->
                        assertThat(time.atZone(ZoneOffset.UTC).getYear()).isBetween(1, 9999));
        if (filter.createdFrom().isPresent() && filter.createdTo().isPresent()) {
            assertThat(filter.createdFrom().get()).isBefore(filter.createdTo().get());
        }
    }

    /** A query string as the server reads it once decoded: {@code name=value} pairs by {@code &}, the first value wins. */
    private static Map<String, String> firstValues(String query) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.putIfAbsent(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return parameters;
    }
}
