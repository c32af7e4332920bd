package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.security.TenantCast.Member;

/**
 * osTicket commit 37cf8350e ("Topic ID param abuse on User Ticket Creation via portal"): the portal accepted a
 * non-numeric or another department's {@code topicId}, so customers filed where they had no right to. Our topic is the
 * {@code category}: one only another tenant offers, or a value that is no category at all, is a 400 (naming category
 * where it is text) on the portal and on the desk, and nothing is filed.
 */
class OsTicket37cf8350TopicIdAbuseTest {
    static final String GLOBEX_ONLY = "globex-only";

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();
    final TenantCast globex = world.globex();

    @Test
    void a_category_of_another_tenant_or_of_no_kind_files_nothing() {
        offeredOnlyByGlobex();
        Member customer = acme.newCustomer("topic");
        int acmeTickets = total();
        for (Object category :
                List.<Object>of(GLOBEX_ONLY, "question' OR '1'='1", "", 42, List.of("question"), Map.of("$ne", ""))) {
            TestHttp.Response portal =
                    world.http.post(customer.token(), "/api/v1/portal/tickets", filing(category, null));
            TestHttp.Response desk = world.http.post(
                    acme.agent.token(),
                    "/api/v1/tickets",
                    filing(category, customer.id().toString()));
            for (TestHttp.Response refused : List.of(portal, desk)) {
                assertThat(refused.status())
                        .as(category + ": " + refused.body())
                        .isEqualTo(400);
                if (category instanceof String) {
                    assertThat(refused.json().get("errors").get(0).get("field").asText())
                            .isEqualTo("category");
                }
            }
        }
        assertThat(total()).isEqualTo(acmeTickets);
        assertThat(world.http
                        .post(globex.customer.token(), "/api/v1/portal/tickets", filing(GLOBEX_ONLY, null))
                        .status())
                .as("globex's own customers file under it")
                .isEqualTo(201);
    }

    private void offeredOnlyByGlobex() {
        String path = "/api/v1/categories";
        List<Object> categories = new ArrayList<>();
        world.http.get(globex.admin.token(), path).json().get("categories").forEach(c -> categories.add(c.asText()));
        if (!categories.contains(GLOBEX_ONLY)) {
            categories.add(GLOBEX_ONLY);
            TestHttp.Response replaced = world.http.send(
                    globex.admin.token(), "PUT", path, SecurityWorld.json(Map.of("categories", categories)));
            assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        }
    }

    private int total() {
        return world.http
                .get(acme.agent.token(), "/api/v1/tickets")
                .json()
                .get("pagination")
                .get("total")
                .asInt();
    }

    private static String filing(Object category, String requesterId) {
        Map<String, Object> body =
                new HashMap<>(Map.of("subject", "Where does this go", "description", "Somewhere", "priority", "low"));
        body.put("category", category);
        if (requesterId != null) {
            body.put("requester_id", requesterId);
        }
        return SecurityWorld.json(body);
    }
}
