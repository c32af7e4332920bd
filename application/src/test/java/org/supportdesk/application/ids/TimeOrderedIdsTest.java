package org.supportdesk.application.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.domain.ticket.UuidOrder;

class TimeOrderedIdsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));
    final TimeOrderedIds ids = new TimeOrderedIds(clock);

    @Test
    void ids_are_version_7_and_carry_the_millisecond() {
        UUID id = ids.newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
    }

    @Test
    void ids_made_in_one_millisecond_or_after_the_clock_steps_back_still_sort_in_creation_order() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // more than the 12-bit counter holds: overflow borrows the next millisecond
            made.add(ids.newId());
        }
        clock.advance(Duration.ofSeconds(-5));
        made.add(ids.newId());
        clock.advance(Duration.ofSeconds(10));
        made.add(ids.newId());

        List<UUID> sorted = new ArrayList<>(made);
        sorted.sort(UuidOrder::compare);
        assertThat(sorted).containsExactlyElementsOf(made);
    }

    @Test
    void concurrent_callers_never_get_the_same_id() throws InterruptedException {
        ConcurrentLinkedQueue<UUID> made = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.execute(() -> {
                for (int i = 0; i < 5_000; i++) {
                    made.add(ids.newId());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(new HashSet<>(made)).hasSize(20_000);
    }
}
