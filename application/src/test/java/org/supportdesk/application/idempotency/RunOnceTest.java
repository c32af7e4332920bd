package org.supportdesk.application.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.ticket.TicketState;

class RunOnceTest extends UseCaseTest {
    final AtomicInteger runs = new AtomicInteger();

    RunOnce.Answer fileWith(IdempotencyKey key, String body) {
        return core.useCases.runOnce().handle(new RunOnce.Command(key, "sha:" + body, () -> {
            runs.incrementAndGet();
            TicketState ticket = aTicket();
            return new RunOnce.Answer(201, "{\"number\":\"" + ticket.number() + "\"}");
        }));
    }

    IdempotencyKey key(String caller, String key) {
        return new IdempotencyKey(acme.tenant, caller, "POST", "/api/v1/portal/tickets", key);
    }

    @Test
    void the_same_key_and_request_replay_the_first_answer_without_running_again() {
        RunOnce.Answer first = fileWith(key("carla", "k-1"), "{}");
        RunOnce.Answer again = fileWith(key("carla", "k-1"), "{}");

        assertThat(again).isEqualTo(first);
        assertThat(runs).hasValue(1);
        assertThat(core.tickets.size()).isEqualTo(1);
    }

    @Test
    void the_same_key_with_another_request_is_refused() {
        fileWith(key("carla", "k-1"), "{}");

        assertThatThrownBy(() -> fileWith(key("carla", "k-1"), "{\"other\":1}"))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(core.tickets.size()).isEqualTo(1);
    }

    @Test
    void keys_are_scoped_to_the_caller_and_expire_after_a_day() {
        fileWith(key("carla", "k-1"), "{}");
        fileWith(key("colin", "k-1"), "{}");
        assertThat(runs).hasValue(2);

        core.clock.advance(Duration.ofHours(24).plusSeconds(1));
        fileWith(key("carla", "k-1"), "{\"new\":true}");
        assertThat(runs).hasValue(3);
    }

    @Test
    void a_failed_request_stores_no_key_so_a_corrected_retry_runs() {
        assertThatThrownBy(
                        () -> core.useCases.runOnce().handle(new RunOnce.Command(key("carla", "k-2"), "sha:x", () -> {
                            aTicket();
                            throw ValidationFailed.of("subject", "too short");
                        })))
                .isInstanceOf(ValidationFailed.class);
        assertThat(core.tickets.size()).isZero();

        fileWith(key("carla", "k-2"), "sha:x");
        assertThat(core.tickets.size()).isEqualTo(1);
    }

    @Test
    void a_secret_in_the_first_answer_is_never_kept_and_a_replay_answers_without_it() {
        IdempotencyKey key = key("adam", "token-1");
        RunOnce.Command create = new RunOnce.Command(
                key, "sha:token", () -> new RunOnce.Answer(201, "{\"token\":\"sdt_secret\"}", "{\"token\":null}"));

        RunOnce.Answer first = core.useCases.runOnce().handle(create);
        RunOnce.Answer replay = core.useCases.runOnce().handle(create);

        assertThat(first.body()).contains("sdt_secret");
        assertThat(replay.body()).isEqualTo("{\"token\":null}");
        assertThat(core.idempotencyRecords.snapshot().toString()).doesNotContain("sdt_secret");
    }

    @Test
    void keys_past_their_retention_are_forgotten_in_batches_and_live_ones_stay() {
        fileWith(key("carla", "old-1"), "{}");
        fileWith(key("carla", "old-2"), "{}");
        fileWith(key("carla", "old-3"), "{}");
        core.clock.advance(Duration.ofHours(23));
        fileWith(key("carla", "fresh"), "{}");
        core.clock.advance(Duration.ofHours(1).plusSeconds(1));
        ForgetExpiredKeys forget = core.useCases.scheduled().forgetExpiredKeys();

        assertThat(forget.handle(new ForgetExpiredKeys.Command(acme.tenant, 2))).isEqualTo(2);
        assertThat(forget.handle(new ForgetExpiredKeys.Command(acme.tenant, 2))).isEqualTo(1);
        assertThat(forget.handle(new ForgetExpiredKeys.Command(acme.tenant, 2))).isZero();
        fileWith(key("carla", "fresh"), "{}");
        assertThat(runs).hasValue(4); // the fresh key still replays
    }

    @Test
    void a_blank_key_is_invalid_input() {
        assertThatThrownBy(() -> key("carla", "  ")).isInstanceOf(ValidationFailed.class);
    }
}
