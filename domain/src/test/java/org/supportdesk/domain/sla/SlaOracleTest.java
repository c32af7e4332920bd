package org.supportdesk.domain.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link SlaCalculator} with the minute-by-minute {@link MinuteOracle} on seeded random cases.
 *
 * <p>{@code -Dsla.seed=N} replays a run; {@code -Dsla.cases} and {@code -Dsla.maxSpanDays} size it (the {@code
 * sla-soak} profile sets 100,000 cases spanning up to a year). Inputs are minute-aligned so the oracle can step by
 * minute; the calculator itself works in microseconds.
 */
class SlaOracleTest {
    private static final long SEED = Long.getLong("sla.seed", System.nanoTime());
    private static final int CASES = Integer.getInteger("sla.cases", 10_000);
    private static final int MAX_SPAN_DAYS = Integer.getInteger("sla.maxSpanDays", 30);

    @Test
    void the_calculator_agrees_with_the_minute_by_minute_oracle() {
        AtomicInteger compared = new AtomicInteger();
        List<String> differences = java.util.Collections.synchronizedList(new ArrayList<>());
        LongStream.range(0, CASES).parallel().forEach(i -> {
            if (differences.size() >= 5) {
                return;
            }
            RandomCases.Case c = new RandomCases(SEED + i).next(MAX_SPAN_DAYS);
            MinuteOracle.Result expected;
            MinuteOracle.Result actual;
            try {
                expected = MinuteOracle.explain(c.policy(), c.calendar(), c.timeline(), c.now());
                actual = MinuteOracle.Result.of(SlaCalculator.explain(c.policy(), c.calendar(), c.timeline(), c.now()));
            } catch (RuntimeException e) {
                differences.add(c + "\n  threw " + e);
                return;
            }
            if (!expected.equals(actual)) {
                differences.add(c + "\n  oracle     " + expected + "\n  calculator " + actual);
            }
            compared.incrementAndGet();
        });
        assertThat(differences)
                .as("run seed %d (replay with -Dsla.seed=%d): differences from the oracle", SEED, SEED)
                .isEmpty();
        assertThat(compared.get()).isEqualTo(CASES);
    }
}
