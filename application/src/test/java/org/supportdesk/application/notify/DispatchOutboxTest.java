package org.supportdesk.application.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.application.testing.RecordingWebhookTransport.Post;
import org.supportdesk.application.webhook.CreateWebhook;
import org.supportdesk.application.webhook.ListDeliveries;
import org.supportdesk.application.webhook.RetryDelivery;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;

/** The dispatcher and webhooks over the in-memory core: expansion, signing, retries, parking, retry, internal notes. */
class DispatchOutboxTest extends UseCaseTest {
    private static final DispatchPolicy FAST =
            new DispatchPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(30));

    private StaffActor admin() {
        return acme.adminActor();
    }

    private CreateWebhook.Created subscribe(List<String> events) {
        return core.channels()
                .createWebhook()
                .handle(new CreateWebhook.Command(admin(), "https://hooks.example.com/in", events, "test"));
    }

    private DispatchOutbox.Round dispatch() {
        core.clock.advance(Duration.ofSeconds(1));
        return core.channels().dispatchOutbox().handle(new DispatchOutbox.Command(acme.tenant, 50, FAST));
    }

    private static boolean verifies(String secret, Post post) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        String signed = post.headers().get("webhook-id") + "." + post.headers().get("webhook-timestamp") + "."
                + new String(post.body(), StandardCharsets.UTF_8);
        return post.headers()
                .get("webhook-signature")
                .equals("v1,"
                        + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void a_filing_is_delivered_once_signed_to_each_subscription_that_hears_it() throws Exception {
        CreateWebhook.Created all = subscribe(List.of("*"));
        subscribe(List.of("status_changed"));
        assertThat(all.secret()).startsWith("whsec_");
        assertThat(all.webhook().sealedSecret()).doesNotContain(all.secret().substring(6));
        aTicket();
        DispatchOutbox.Round round = dispatch();
        assertThat(round.intentsExpanded()).isEqualTo(1);
        assertThat(round.sent()).isEqualTo(1);
        List<Post> posts = core.webhookTransport.posts();
        assertThat(posts).hasSize(1);
        assertThat(verifies(all.secret(), posts.get(0))).isTrue();
        assertThat(new String(posts.get(0).body(), StandardCharsets.UTF_8)).contains("\"type\":\"ticket_created\"");
        assertThat(dispatch().attempted()).isZero();
    }

    @Test
    void an_internal_note_is_never_a_webhook_event() {
        assertThat(WebhookEvents.typeOf(NotificationTopic.INTERNAL_NOTE_ADDED)).isEmpty();
    }

    @Test
    void failures_back_off_then_park_and_an_admin_retry_sends_with_the_same_key() {
        subscribe(List.of("ticket_created"));
        core.webhookTransport.answer(
                DeliveryOutcome.refused(500, 3),
                DeliveryOutcome.failed("timeout", 2000),
                DeliveryOutcome.refused(500, 3));
        aTicket();
        for (int i = 0; i < 10; i++) {
            dispatch();
        }
        Delivery parked = core.deliveries.all().get(0);
        assertThat(parked.state()).isEqualTo(DeliveryState.PARKED);
        assertThat(parked.attempts()).isEqualTo(3);
        assertThat(core.webhookTransport.posts()).hasSize(3);
        assertThat(core.webhookTransport.posts().stream()
                        .map(p -> p.headers().get("webhook-id"))
                        .distinct())
                .containsExactly(parked.dedupKey());
        core.channels().retryDelivery().handle(new RetryDelivery.Command(admin(), parked.id()));
        dispatch();
        Delivery sent = core.deliveries.all().get(0);
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(core.webhookTransport.posts().get(3).headers().get("webhook-id"))
                .isEqualTo(parked.dedupKey());
        assertThatThrownBy(() -> core.channels().retryDelivery().handle(new RetryDelivery.Command(admin(), sent.id())))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void a_refused_target_is_a_400_on_url_and_is_refused_again_at_send() {
        core.targetGuard.refuse("internal.example");
        assertThatThrownBy(() -> core.channels()
                        .createWebhook()
                        .handle(new CreateWebhook.Command(admin(), "http://internal.example/x", List.of("*"), "")))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageContaining("url");
        subscribe(List.of("*"));
        core.targetGuard.refuse("hooks.example.com");
        aTicket();
        dispatch();
        assertThat(core.webhookTransport.posts()).isEmpty();
        assertThat(core.deliveries.all().get(0).lastError().orElseThrow()).contains("no connection made");
        assertThat(core.channels()
                        .listDeliveries()
                        .handle(new ListDeliveries.Command(
                                admin(),
                                Optional.of(DeliveryState.FAILED),
                                Optional.empty(),
                                PageRequest.ofTickets(1, 20)))
                        .total())
                .isEqualTo(1);
    }
}
