package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.UserId;

/**
 * Zammad issue 2767 (zammad/zammad#2767): a customer whose role was granted {@code admin.reporting} saw every user's
 * tickets through {@code POST /api/v1/reports/generate}; Zammad closed it with an admin warning, not a fix. Here no
 * customer reaches a route that reads across tickets or people (lists, search, stats, the CSV export, the audit log,
 * the call-back queue): with their own token the role is refused (403, no data in the body), and a validly signed
 * token claiming a staff role their account does not have is no token at all (401), because the role is the stored
 * one, read again on every request.
 */
class ZammadIssue2767CustomerReportingTest {
    static final List<String> STAFF_READS = List.of(
            "/api/v1/tickets",
            "/api/v1/tickets?q=Printer",
            "/api/v1/tickets?status=all&limit=100",
            "/api/v1/customers",
            "/api/v1/agents",
            "/api/v1/organizations",
            "/api/v1/settings",
            "/api/v1/tickets/stats",
            "/api/v1/tickets/stats?from=2020-01-01&to=2030-01-01",
            "/api/v1/tickets/export.csv",
            "/api/v1/audit-log",
            "/api/v1/calls");

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void a_customer_reads_nothing_across_tickets_or_people() {
        for (String path : STAFF_READS) {
            TestHttp.Response answer = world.http.get(acme.customer.token(), path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.json().get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(answer.body()).doesNotContain(acme.seeded.id()).doesNotContain("@acme.example");
        }
    }

    @Test
    void a_customer_token_claiming_a_staff_role_is_no_token() {
        TestHttp.Response noToken = world.http.get(null, "/api/v1/tickets");
        for (Role claimed : List.of(Role.AGENT, Role.ADMIN)) {
            String forged = world.token(acme.tenant, new UserId(acme.customer.id()), claimed);
            for (String path : STAFF_READS) {
                TestHttp.Response answer = world.http.get(forged, path);
                assertThat(answer.status()).as(claimed + " " + path).isEqualTo(401);
                assertThat(answer.body()).isEqualTo(noToken.body());
            }
        }
    }
}
