package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.tenant.TenantId;

/**
 * What {@link Webhooks} must do, whatever holds them: subscriptions round-trip whole (their sealed secret untouched by
 * an update) and stay in their tenant; lists are oldest first with exact totals and pages; a delete answers whether
 * there was one. An adapter's test extends this and supplies the store.
 */
public abstract class WebhooksContract {
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant t0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private int minutes;

    protected abstract Webhooks webhooks();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant known to the store. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void a_subscription_round_trips_whole_and_only_in_its_tenant() {
        Webhook hook = stored(acme.tenant, "https://hooks.example.com/a", Set.of("ticket_created", "status_changed"));

        assertThat(in(acme.tenant, () -> webhooks().find(acme.tenant, hook.id())))
                .contains(hook);
        assertThat(in(globex.tenant, () -> webhooks().find(globex.tenant, hook.id())))
                .isEmpty();
        assertThat(in(globex.tenant, () -> webhooks().all(globex.tenant))).isEmpty();
        assertThat(in(globex.tenant, () -> webhooks().delete(globex.tenant, hook.id())))
                .isFalse();
        assertThat(in(acme.tenant, () -> webhooks().find(acme.tenant, hook.id())))
                .contains(hook);
    }

    @Test
    void an_update_changes_url_events_and_description_but_keeps_the_sealed_secret() {
        Webhook hook = stored(acme.tenant, "https://hooks.example.com/a", Set.of("*"));
        Webhook changed = hook.with(
                WebhookUrl.parse("url", "https://hooks.example.com/b?x=1"), Set.of("message_added"), "Changed", next());

        in(acme.tenant, () -> {
            webhooks().update(changed);
            return null;
        });

        Webhook read =
                in(acme.tenant, () -> webhooks().find(acme.tenant, hook.id())).orElseThrow();
        assertThat(read).isEqualTo(changed);
        assertThat(read.sealedSecret()).isEqualTo(hook.sealedSecret());
        assertThat(read.hears("message_added")).isTrue();
        assertThat(read.hears("ticket_created")).isFalse();
    }

    @Test
    void lists_are_oldest_first_with_exact_totals_and_pages() {
        Webhook first = stored(acme.tenant, "https://hooks.example.com/1", Set.of("*"));
        Webhook second = stored(acme.tenant, "https://hooks.example.com/2", Set.of("ticket_created"));
        Webhook third = stored(acme.tenant, "https://hooks.example.com/3", Set.of("feedback_given"));
        stored(globex.tenant, "https://hooks.example.com/g", Set.of("*"));

        Page<Webhook> one = in(acme.tenant, () -> webhooks().list(acme.tenant, new PageRequest(1, 2)));
        Page<Webhook> two = in(acme.tenant, () -> webhooks().list(acme.tenant, new PageRequest(2, 2)));

        assertThat(one.items()).containsExactly(first, second);
        assertThat(two.items()).containsExactly(third);
        assertThat(List.of(one.total(), two.total())).containsOnly(3L);
        assertThat(in(acme.tenant, () -> webhooks().all(acme.tenant))).containsExactly(first, second, third);
    }

    @Test
    void a_delete_answers_whether_there_was_one() {
        Webhook hook = stored(acme.tenant, "https://hooks.example.com/a", Set.of("*"));

        assertThat(in(acme.tenant, () -> webhooks().delete(acme.tenant, hook.id())))
                .isTrue();
        assertThat(in(acme.tenant, () -> webhooks().delete(acme.tenant, hook.id())))
                .isFalse();
        assertThat(in(acme.tenant, () -> webhooks().find(acme.tenant, hook.id())))
                .isEmpty();
        assertThat(in(acme.tenant, () -> webhooks().list(acme.tenant, new PageRequest(1, 10)))
                        .total())
                .isZero();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Webhook stored(TenantId tenant, String url, Set<String> events) {
        Instant at = next();
        Webhook hook = new Webhook(
                UUID.randomUUID(),
                tenant,
                WebhookUrl.parse("url", url),
                events,
                "Subscription at " + url,
                "sealed-" + UUID.randomUUID(),
                at,
                at);
        in(tenant, () -> {
            webhooks().add(hook);
            return null;
        });
        return hook;
    }

    /** Each write a minute after the previous one. */
    private Instant next() {
        return t0.plusSeconds(60L * ++minutes);
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant, work);
    }
}
