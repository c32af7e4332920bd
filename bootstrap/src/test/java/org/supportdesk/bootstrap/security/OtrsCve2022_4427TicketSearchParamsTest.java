package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;

/**
 * OTRS CVE-2022-4427 (listed as unverified): SQL injection through the parameters of the TicketSearch web service.
 * Every parameter of our ticket lists other than the search text (sort, status, priority, category, tag, requester,
 * organisation, assignee, the created range, escalation and breach flags, page, limit), given SQL, is either a 400
 * naming that parameter or a value matched as it is, which finds nothing of another tenant; the tables are intact
 * afterwards.
 */
class OtrsCve2022_4427TicketSearchParamsTest {
    static final List<String> PARAMETERS = List.of(
            "sort",
            "status",
            "priority",
            "category",
            "tag",
            "requester",
            "organization",
            "assignee",
            "created_from",
            "created_to",
            "escalated",
            "sla_breached",
            "page",
            "limit");
    static final List<String> SQL =
            List.of("created; DROP TABLE tickets; --", "x@acme.example' OR '1'='1", "1) UNION SELECT * FROM users --");

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void sql_in_a_list_parameter_is_refused_by_name_or_matched_as_a_value() {
        for (String parameter : PARAMETERS) {
            for (String sql : SQL) {
                TestHttp.Response answer = world.http.get(
                        globex.agent.token(), "/api/v1/tickets?" + parameter + "=" + SecurityWorld.encoded(sql));
                if (answer.status() == 400) {
                    assertThat(answer.json().get("errors").get(0).get("field").asText())
                            .as(parameter + "=" + sql)
                            .isEqualTo(parameter);
                } else {
                    assertThat(answer.status()).as(parameter + "=" + sql).isEqualTo(200);
                    assertThat(SecurityWorld.itemIds(answer))
                            .as(parameter + "=" + sql)
                            .isEmpty();
                }
            }
        }
        assertThat(SecurityWorld.itemIds(world.http.get(acme.agent.token(), "/api/v1/tickets?limit=100")))
                .as("the tickets are all still there")
                .contains(acme.seeded.id());
    }

    @Test
    void sql_in_a_portal_list_parameter_is_refused_by_name() {
        for (String parameter : List.of("status", "priority", "page", "limit")) {
            for (String sql : SQL) {
                TestHttp.Response answer = world.http.get(
                        acme.outsider.token(),
                        "/api/v1/portal/tickets?" + parameter + "=" + SecurityWorld.encoded(sql));
                assertThat(answer.status()).as(parameter + "=" + sql).isEqualTo(400);
                assertThat(answer.json().get("errors").get(0).get("field").asText())
                        .isEqualTo(parameter);
            }
        }
    }
}
