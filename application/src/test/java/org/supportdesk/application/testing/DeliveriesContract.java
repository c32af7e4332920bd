package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * What {@link Deliveries} must do, whatever holds them (§13, docs/adr/0012): deliveries round-trip whole and stay in
 * their tenant; a second one with a stored dedup key is ignored; a claim takes only open, due deliveries, counts the
 * attempt and leases them; an attempt's result applies only to the claim it was made for; the admin lists are newest
 * first, filter by state and recipient, with exact totals and pages; an admin's retry makes a parked delivery due; the
 * purge takes only finished deliveries older than its cut. An adapter's test extends this and supplies the store.
 */
public abstract class DeliveriesContract {
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant t0 = Instant.parse("2026-03-02T09:00:00.123456Z");
    private int minutes;

    protected abstract Deliveries deliveries();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant known to the store. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void a_delivery_round_trips_whole_and_only_in_its_tenant() {
        Delivery delivery = stored(acme.tenant, "hook-1", "key-1");

        assertThat(in(acme.tenant, () -> deliveries().find(acme.tenant, delivery.id())))
                .contains(delivery);
        assertThat(in(globex.tenant, () -> deliveries().find(globex.tenant, delivery.id())))
                .isEmpty();
        assertThat(in(globex.tenant, () -> deliveries().list(globex.tenant, Optional.empty(), Optional.empty(), all()))
                        .total())
                .isZero();
    }

    @Test
    void a_second_delivery_with_a_stored_dedup_key_is_ignored() {
        Delivery first = stored(acme.tenant, "hook-1", "same-key");
        Delivery second = stored(acme.tenant, "hook-2", "same-key");
        Delivery otherTenant = stored(globex.tenant, "hook-1", "same-key");

        assertThat(in(acme.tenant, () -> deliveries().find(acme.tenant, second.id())))
                .isEmpty();
        assertThat(listed(acme.tenant, Optional.empty(), Optional.empty()).items())
                .containsExactly(first);
        assertThat(in(globex.tenant, () -> deliveries().find(globex.tenant, otherTenant.id())))
                .as("dedup keys are per tenant")
                .contains(otherTenant);
    }

    @Test
    void a_claim_takes_open_due_deliveries_counts_the_attempt_and_leases_them() {
        Delivery due = stored(acme.tenant, "hook-1", "due");
        Instant now = next();
        Delivery later = store(Delivery.owed(
                UUID.randomUUID(),
                acme.tenant,
                UUID.randomUUID(),
                "webhook",
                "hook-1",
                "ticket_created",
                "later",
                "{}",
                now.plus(Duration.ofHours(1))));
        stored(globex.tenant, "hook-1", "globex-due");
        Instant lease = now.plus(Duration.ofMinutes(5));

        List<Delivery> claimed = claim(acme.tenant, now, lease);

        assertThat(claimed).extracting(Delivery::id).containsExactly(due.id());
        assertThat(claimed.get(0).attempts()).isEqualTo(1);
        assertThat(claimed.get(0).nextAttemptAt()).isEqualTo(lease);
        assertThat(claimed.get(0).dedupKey()).isEqualTo("due");
        assertThat(in(acme.tenant, () -> deliveries().find(acme.tenant, due.id())))
                .hasValueSatisfying(d -> assertThat(d.attempts()).isEqualTo(1));
        assertThat(claim(acme.tenant, now, lease)).as("leased").isEmpty();
        assertThat(claim(acme.tenant, lease, lease.plus(Duration.ofMinutes(5))))
                .as("taken again when the lease ends, with the same dedup key")
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.id()).isEqualTo(due.id());
                    assertThat(d.attempts()).isEqualTo(2);
                    assertThat(d.dedupKey()).isEqualTo("due");
                });
        assertThat(later.state()).isEqualTo(DeliveryState.PENDING);
    }

    @Test
    void an_attempts_result_applies_only_to_the_claim_it_was_made_for() {
        Delivery delivery = stored(acme.tenant, "hook-1", "raced");
        Instant now = next();
        Instant lease = now.plusSeconds(30);
        Delivery firstClaim = claim(acme.tenant, now, lease).get(0);
        Delivery secondClaim = claim(acme.tenant, lease, lease.plusSeconds(30)).get(0);

        boolean stale = in(acme.tenant, () -> deliveries()
                .recordAttempt(firstClaim.after(DeliveryOutcome.delivered(200, 12), DeliveryState.SENT, lease, lease)));
        boolean current = in(acme.tenant, () -> deliveries()
                .recordAttempt(secondClaim.after(DeliveryOutcome.delivered(204, 7), DeliveryState.SENT, lease, lease)));

        assertThat(stale).isFalse();
        assertThat(current).isTrue();
        Delivery sent = in(acme.tenant, () -> deliveries().find(acme.tenant, delivery.id()))
                .orElseThrow();
        assertThat(sent.state()).isEqualTo(DeliveryState.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).contains(lease);
        assertThat(sent.lastStatus()).contains(204);
        assertThat(sent.lastDurationMillis()).contains(7L);
        assertThat(claim(acme.tenant, lease.plus(Duration.ofDays(1)), lease.plus(Duration.ofDays(2))))
                .as("a sent delivery is never claimed again")
                .isEmpty();
    }

    @Test
    void the_lists_are_newest_first_filter_by_state_and_recipient_with_exact_totals_and_pages() {
        Delivery oldest = stored(acme.tenant, "hook-1", "a");
        Delivery middle = stored(acme.tenant, "hook-2", "b");
        Delivery newest = stored(acme.tenant, "hook-1", "c");
        Delivery failed = finish(oldest, DeliveryState.FAILED, DeliveryOutcome.failed("connection refused", 3));
        Delivery parked = finish(middle, DeliveryState.PARKED, DeliveryOutcome.refused(500, 30));

        assertThat(listed(acme.tenant, Optional.empty(), Optional.empty()).items())
                .containsExactly(newest, parked, failed);
        assertThat(listed(acme.tenant, Optional.of(DeliveryState.PARKED), Optional.empty())
                        .items())
                .containsExactly(parked);
        assertThat(listed(acme.tenant, Optional.of(DeliveryState.PENDING), Optional.empty())
                        .items())
                .containsExactly(newest);
        assertThat(listed(acme.tenant, Optional.empty(), Optional.of("hook-1")).items())
                .containsExactly(newest, failed);
        Page<Delivery> both = listed(acme.tenant, Optional.of(DeliveryState.FAILED), Optional.of("hook-1"));
        assertThat(both.items()).containsExactly(failed);
        assertThat(both.total()).isEqualTo(1);
        assertThat(listed(acme.tenant, Optional.of(DeliveryState.SENT), Optional.of("hook-1"))
                        .total())
                .isZero();

        Page<Delivery> first = in(acme.tenant, () -> deliveries()
                .list(acme.tenant, Optional.empty(), Optional.empty(), new PageRequest(1, 2)));
        Page<Delivery> second = in(acme.tenant, () -> deliveries()
                .list(acme.tenant, Optional.empty(), Optional.empty(), new PageRequest(2, 2)));
        assertThat(first.items()).containsExactly(newest, parked);
        assertThat(second.items()).containsExactly(failed);
        assertThat(List.of(first.total(), second.total())).containsOnly(3L);
    }

    @Test
    void an_admins_retry_makes_a_parked_delivery_due_again_with_its_attempts_and_key() {
        Delivery parked =
                finish(stored(acme.tenant, "hook-1", "parked"), DeliveryState.PARKED, DeliveryOutcome.refused(500, 9));
        Instant now = next();

        in(acme.tenant, () -> {
            deliveries().update(parked.retried(now));
            return null;
        });

        Delivery retried = in(acme.tenant, () -> deliveries().find(acme.tenant, parked.id()))
                .orElseThrow();
        assertThat(retried.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(retried.nextAttemptAt()).isEqualTo(now);
        assertThat(retried.attempts()).isEqualTo(parked.attempts());
        assertThat(claim(acme.tenant, now, now.plusSeconds(30))).singleElement().satisfies(d -> {
            assertThat(d.dedupKey()).isEqualTo("parked");
            assertThat(d.attempts()).isEqualTo(parked.attempts() + 1);
        });
    }

    @Test
    void the_purge_takes_only_finished_deliveries_older_than_its_cut() {
        Delivery sent =
                finish(stored(acme.tenant, "hook-1", "sent"), DeliveryState.SENT, DeliveryOutcome.delivered(200, 1));
        Delivery parked =
                finish(stored(acme.tenant, "hook-1", "parked"), DeliveryState.PARKED, DeliveryOutcome.refused(410, 1));
        Delivery failed =
                finish(stored(acme.tenant, "hook-1", "failed"), DeliveryState.FAILED, DeliveryOutcome.refused(503, 1));
        Delivery open = stored(acme.tenant, "hook-1", "open");
        Instant cut = next();
        Delivery recent =
                finish(stored(acme.tenant, "hook-1", "recent"), DeliveryState.SENT, DeliveryOutcome.delivered(200, 1));
        Delivery otherTenant =
                finish(stored(globex.tenant, "hook-1", "sent"), DeliveryState.SENT, DeliveryOutcome.delivered(200, 1));

        int purged = in(acme.tenant, () -> deliveries().purge(acme.tenant, cut, 100));

        assertThat(purged).isEqualTo(2);
        assertThat(listed(acme.tenant, Optional.empty(), Optional.empty()).items())
                .extracting(Delivery::id)
                .containsExactlyInAnyOrder(failed.id(), open.id(), recent.id());
        assertThat(List.of(sent.id(), parked.id()))
                .doesNotContainAnyElementsOf(listed(acme.tenant, Optional.empty(), Optional.empty()).items().stream()
                        .map(Delivery::id)
                        .toList());
        assertThat(in(globex.tenant, () -> deliveries().find(globex.tenant, otherTenant.id())))
                .isPresent();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Delivery stored(TenantId tenant, String recipient, String dedupKey) {
        return store(Delivery.owed(
                UUID.randomUUID(),
                tenant,
                UUID.randomUUID(),
                "webhook",
                recipient,
                "ticket_created",
                dedupKey,
                "{\"type\":\"ticket_created\",\"key\":\"" + dedupKey + "\"}",
                next()));
    }

    private Delivery store(Delivery delivery) {
        in(delivery.tenant(), () -> {
            deliveries().add(delivery);
            return null;
        });
        return delivery;
    }

    /**
     * Claims {@code delivery} when it is due (with any other delivery due by then) and records the attempt's
     * {@code outcome} and {@code state} for it.
     */
    private Delivery finish(Delivery delivery, DeliveryState state, DeliveryOutcome outcome) {
        Instant at = next();
        Delivery claimed = claim(delivery.tenant(), delivery.nextAttemptAt(), at).stream()
                .filter(d -> d.id().equals(delivery.id()))
                .findFirst()
                .orElseThrow();
        Delivery after = claimed.after(outcome, state, at, at);
        assertThat(in(delivery.tenant(), () -> deliveries().recordAttempt(after)))
                .isTrue();
        return in(delivery.tenant(), () -> deliveries().find(delivery.tenant(), delivery.id()))
                .orElseThrow();
    }

    private List<Delivery> claim(TenantId tenant, Instant now, Instant leaseUntil) {
        return in(tenant, () -> deliveries().claimDue(tenant, now, leaseUntil, 50));
    }

    private Page<Delivery> listed(TenantId tenant, Optional<DeliveryState> state, Optional<String> recipient) {
        return in(tenant, () -> deliveries().list(tenant, state, recipient, all()));
    }

    private static PageRequest all() {
        return new PageRequest(1, 100);
    }

    /** Each write a minute after the previous one. */
    private Instant next() {
        return t0.plusSeconds(60L * ++minutes);
    }

    private <T> T in(TenantId tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant, work);
    }
}
