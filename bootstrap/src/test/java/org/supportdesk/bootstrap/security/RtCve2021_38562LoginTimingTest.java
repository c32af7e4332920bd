package org.supportdesk.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.supportdesk.bootstrap.Onboarding;
import org.supportdesk.domain.tenant.Role;

/**
 * RT CVE-2021-38562 (bestpractical/rt {@code t/security/CVE-2021-38562-timing-side-channel.t}): sign-in answered a
 * known user's wrong password measurably slower than an unknown user, so timing enumerated accounts. Here both
 * answers are the same 401 and their median times lie within 10 % of each other (in the quietest of up to three
 * rounds: see the test).
 */
@Timeout(300)
class RtCve2021_38562LoginTimingTest {
    private static final int ACCOUNTS = 15;
    /** Wrong passwords per account, one fewer than the five that lock it: 60 samples of each kind. */
    private static final int TRIES = 4;

    private static final int ROUNDS = 3;
    private static final double BAR = 0.10;

    final SecurityWorld world = SecurityWorld.get();

    @Test
    void a_known_email_with_a_wrong_password_takes_as_long_as_an_unknown_email() {
        world.login("acme", "warm-up@acme.example", "wrong-password", world.freshAddress());
        // A load spike on the shared machine inflates one kind's median at random; a real side channel shows in every
        // round. So the verdict is the quietest of up to three rounds, each with accounts of its own.
        double quietest = Double.MAX_VALUE;
        for (int round = 1; round <= ROUNDS && quietest >= BAR; round++) {
            quietest = Math.min(quietest, difference(round));
        }

        assertThat(quietest).isLessThan(BAR);
    }

    /**
     * One round: {@link #ACCOUNTS} new accounts and as many unknown addresses, {@link #TRIES} wrong passwords each,
     * interleaved.
     */
    private double difference(int round) {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String email = "timing" + round + "-" + i + "@acme.example";
            Onboarding.person(
                    world.desk.useCases(),
                    world.acmeAdmin,
                    email,
                    "Timing " + round + "-" + i,
                    Role.CUSTOMER,
                    Optional.of("timing-password-" + i));
            known.add(email);
        }
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        // Interleaved, so drift in the machine's load hits both alike, and each kind first in turn, so neither always
        // pays for going first.
        for (int sample = 0; sample < ACCOUNTS * TRIES; sample++) {
            String knownEmail = known.get(sample % ACCOUNTS);
            String unknownEmail = "nobody-timing" + round + "-" + sample % ACCOUNTS + "@acme.example";
            if (sample % 2 == 0) {
                knownNanos.add(timedFailure(knownEmail));
                unknownNanos.add(timedFailure(unknownEmail));
            } else {
                unknownNanos.add(timedFailure(unknownEmail));
                knownNanos.add(timedFailure(knownEmail));
            }
        }
        long knownMedian = median(knownNanos);
        long unknownMedian = median(unknownNanos);
        double difference = Math.abs(knownMedian - unknownMedian) / (double) Math.max(knownMedian, unknownMedian);
        System.out.printf(
                "S17 login timing, round %d: median known-email failure %.1f ms, unknown-email failure %.1f ms"
                        + " (%d each), difference %.1f %%%n",
                round, knownMedian / 1e6, unknownMedian / 1e6, knownNanos.size(), difference * 100);
        return difference;
    }

    private long timedFailure(String email) {
        long started = System.nanoTime();
        var response = world.login("acme", email, "wrong-password", world.freshAddress());
        long took = System.nanoTime() - started;
        assertThat(response.status()).isEqualTo(401);
        return took;
    }

    private static long median(List<Long> nanos) {
        List<Long> sorted = nanos.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
