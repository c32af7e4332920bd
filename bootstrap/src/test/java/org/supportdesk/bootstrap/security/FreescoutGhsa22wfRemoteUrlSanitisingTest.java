package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.adapter.notify.HttpWebhookTransport;
import org.supportdesk.adapter.notify.PublicAddressGuard;
import org.supportdesk.application.notify.DispatchOutbox;
import org.supportdesk.application.notify.DispatchPolicy;
import org.supportdesk.bootstrap.TestHttp;
import org.supportdesk.bootstrap.WebhookReceiver;
import org.supportdesk.bootstrap.security.TenantCast.Member;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * FreeScout GHSA-22wf-848c-c856 and GHSA-6w8v-qp43-vg2h (RELIABILITY row 11, S14): a URL the server fetched on a
 * user's behalf reached internal addresses (SSRF). Our server-side requests are webhook deliveries: with private
 * targets not allowed (the default), a subscription to a loopback, private, link-local, unique-local, metadata or
 * unspecified address, or to a name resolving to one, is a 400 naming {@code url}; one that got into the database
 * anyway is refused again at send with no connection made (0 requests reach a local receiver); and a redirect from an
 * allowed receiver is never followed.
 */
class FreescoutGhsa22wfRemoteUrlSanitisingTest {
    static final List<String> INTERNAL = List.of(
            "http://127.0.0.1/hook",
            "http://127.1.2.3:8080/hook",
            "http://[::1]/hook",
            "http://[::ffff:127.0.0.1]/hook",
            "http://169.254.169.254/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://10.0.0.1/hook",
            "http://172.16.5.4/hook",
            "http://192.168.1.1/hook",
            "http://100.64.0.1/hook",
            "http://0.0.0.0/hook",
            "http://[::]/hook",
            "http://224.0.0.1/hook",
            "http://[fe80::1]/hook",
            "http://localhost/hook",
            "https://localhost:8443/hook");

    static final List<String> MALFORMED = List.of(
            "ftp://example.com/hook",
            "file:///etc/passwd",
            "gopher://127.0.0.1:6379/_INFO",
            "http://user:password@example.com/hook",
            "javascript:alert(1)",
            "/relative/hook");

    final SecurityWorld world = SecurityWorld.get();
    final TenantCast acme = world.acme();

    @Test
    void an_internal_target_is_refused_at_save_naming_url_and_nothing_is_sent() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            for (String url : concat(INTERNAL, MALFORMED, List.of(receiver.url("/local")))) {
                TestHttp.Response refused = world.http.post(
                        acme.admin.token(),
                        "/api/v1/webhooks",
                        "{\"url\":" + SecurityWorld.json(url) + ",\"events\":[\"*\"]}");
                assertThat(refused.status()).as(url).isEqualTo(400);
                assertThat(refused.json().get("errors").get(0).get("field").asText())
                        .as(url)
                        .isEqualTo("url");
            }
            TestHttp.Response list = world.http.get(acme.admin.token(), "/api/v1/webhooks");
            assertThat(list.json().get("items")).isEmpty();
            assertThat(receiver.received()).isEmpty();
            System.out.printf(
                    "SSRF at save: %d targets refused, %d requests reached the local receiver%n",
                    INTERNAL.size() + MALFORMED.size() + 1, receiver.received().size());
        }
    }

    @Test
    void a_stored_internal_target_is_refused_again_at_send_without_a_connection() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            TenantId tenant = world.acmeAdmin.tenant();
            UUID id = UUID.randomUUID();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            // As if saved while private targets were allowed, or by a name that resolved elsewhere then.
            world.desk.stores().transactions().inTransaction(tenant, () -> {
                world.desk
                        .stores()
                        .webhooks()
                        .add(new Webhook(
                                id,
                                tenant,
                                new WebhookUrl(URI.create(receiver.url("/stored"))),
                                Set.of("*"),
                                "planted",
                                world.config.secretBox().seal("whsec_" + "A".repeat(44)),
                                now,
                                now));
                return null;
            });
            try {
                Member customer = acme.newCustomer("ssrf");
                TestHttp.Response filed = world.http.post(
                        customer.token(),
                        "/api/v1/portal/tickets",
                        "{\"subject\":\"SSRF at send\",\"description\":\"Details\",\"category\":\"technical\","
                                + "\"priority\":\"high\"}");
                assertThat(filed.status()).as(filed.body()).isEqualTo(201);
                for (int round = 0; round < 3; round++) {
                    world.desk
                            .useCases()
                            .channels()
                            .dispatchOutbox()
                            .handle(new DispatchOutbox.Command(
                                    tenant,
                                    100,
                                    new DispatchPolicy(
                                            3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30))));
                    sleep(10);
                }
                List<Delivery> log = world.desk
                        .useCases()
                        .channels()
                        .listDeliveries()
                        .handle(new org.supportdesk.application.webhook.ListDeliveries.Command(
                                world.acmeAdmin,
                                java.util.Optional.empty(),
                                java.util.Optional.of(id),
                                PageRequest.ofTickets(1, 100)))
                        .items();
                assertThat(log).isNotEmpty();
                assertThat(log).allSatisfy(d -> {
                    assertThat(d.state()).isIn(DeliveryState.FAILED, DeliveryState.PARKED);
                    assertThat(d.lastError().orElseThrow()).contains("no connection made");
                    assertThat(d.lastStatus()).isEmpty();
                });
                assertThat(receiver.received()).isEmpty();
                System.out.printf(
                        "SSRF at send: %d deliveries, %d attempts, %d requests reached the receiver%n",
                        log.size(),
                        log.stream().mapToInt(Delivery::attempts).sum(),
                        receiver.received().size());
            } finally {
                world.desk.stores().transactions().inTransaction(tenant, () -> world.desk
                        .stores()
                        .webhooks()
                        .delete(tenant, id));
            }
        }
    }

    @Test
    void a_redirect_is_never_followed() {
        try (WebhookReceiver allowed = new WebhookReceiver();
                WebhookReceiver internal = new WebhookReceiver()) {
            allowed.mode(WebhookReceiver.Mode.REDIRECT);
            allowed.redirectTo(internal.url("/metadata"));
            // Private targets allowed for the first hop only (a real transport with a guard that lets 127.0.0.1 by).
            HttpWebhookTransport transport =
                    new HttpWebhookTransport(Duration.ofSeconds(5), new PublicAddressGuard(true));
            DeliveryOutcome outcome =
                    transport.post(URI.create(allowed.url("/hook")), Map.of("webhook-id", "msg_x"), "{}".getBytes());
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.status()).contains(307);
            assertThat(allowed.received()).hasSize(1);
            assertThat(internal.received()).isEmpty();
            // And the default guard refuses the loopback target before any connection.
            DeliveryOutcome guarded = new HttpWebhookTransport(Duration.ofSeconds(5), new PublicAddressGuard(false))
                    .post(URI.create(internal.url("/metadata")), Map.of(), "{}".getBytes());
            assertThat(guarded.delivered()).isFalse();
            assertThat(internal.received()).isEmpty();
            System.out.printf(
                    "redirect: answered %s, %d requests reached the redirect's target%n",
                    outcome.status().orElseThrow(), internal.received().size());
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
