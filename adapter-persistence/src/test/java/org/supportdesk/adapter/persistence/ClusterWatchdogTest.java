package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The watchdog's backoff between failed starts; the restart itself is tested on a real server by ClusterSupervisionTest. */
class ClusterWatchdogTest {
    @Test
    void failed_starts_back_off_doubling_from_one_second_up_to_thirty() {
        assertThat(ClusterWatchdog.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ClusterWatchdog.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(ClusterWatchdog.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(ClusterWatchdog.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(ClusterWatchdog.backoff(1_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
