package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.domain.port.ConcurrentChange;
import org.supportdesk.domain.port.StoreUnavailable;

class StoreFailuresTest {
    @ParameterizedTest(name = "SQLSTATE {0} is {1}")
    @CsvSource({
        "08006, StoreUnavailable", // connection failure
        "57P01, StoreUnavailable", // admin shutdown
        "57014, StoreUnavailable", // statement timeout
        "53300, StoreUnavailable", // too many connections
        "23505, ConcurrentChange", // unique violation
        "23503, ConcurrentChange", // foreign key violation
        "40001, ConcurrentChange", // serialisation failure
        "40P01, ConcurrentChange", // deadlock
        "22021, RuntimeException", // a NUL byte: a bug to see, not to retry
        "42P01, RuntimeException" // undefined table
    })
    void a_database_failure_becomes_what_a_caller_can_act_on(String state, String becomes) {
        RuntimeException failure = new IllegalStateException("wrapped", new SQLException("boom", state));

        RuntimeException translated = StoreFailures.translate(failure);

        assertThat(translated.getClass().getSimpleName())
                .isEqualTo(becomes.equals("RuntimeException") ? "IllegalStateException" : becomes);
        if (translated != failure) {
            assertThat(translated).hasCause(failure);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pool exhausted"})
    void a_pool_that_cannot_lend_a_connection_in_time_is_unavailable(String message) {
        RuntimeException failure = new IllegalStateException(new SQLTransientConnectionException(message));

        assertThat(StoreFailures.translate(failure)).isInstanceOf(StoreUnavailable.class);
        assertThat(StoreFailures.translate(new IllegalStateException("no SQL at all")))
                .isNotInstanceOf(ConcurrentChange.class)
                .isNotInstanceOf(StoreUnavailable.class);
    }
}
