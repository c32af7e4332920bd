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
    void a_blank_key_is_invalid_input() {
        assertThatThrownBy(() -> key("carla", "  ")).isInstanceOf(ValidationFailed.class);
    }
}
