package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supportdesk.adapter.persistence.LocalPgBouncer;

/**
 * Every test of {@link ApiBehaviourTest}, run against a server whose pool goes through a real PgBouncer in transaction
 * pooling mode, with migrations, {@code LISTEN} and the background lock on the direct connection (docs/operations.md,
 * "Behind PgBouncer"); and live events still reach a stream, woken through that direct connection.
 */
class ApiThroughPgBouncerTest extends ApiBehaviourTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    ServedDatabase database() {
        return ServedDatabase.throughPgBouncer();
    }

    @Test
    void the_serving_pool_shares_the_few_server_connections_pgbouncer_keeps() throws Exception {
        int poolSize = Config.DEFAULT_POOL_SIZE;
        for (int tries = 0; server.desk.connectionPool().getTotalConnections() < poolSize && tries < 100; tries++) {
            Thread.sleep(100);
        }
        assertThat(server.desk.connectionPool().getTotalConnections()).isEqualTo(poolSize);

        // PgBouncer's server connections, the two of the direct pool and the change listener's: fewer than the pool.
        assertThat(backendsOfTheRole())
                .isLessThanOrEqualTo(LocalPgBouncer.SERVER_CONNECTIONS + 3)
                .isLessThan(poolSize);
    }

    @Test
    void live_events_reach_a_stream_through_the_direct_listening_session() throws Exception {
        List<Integer> listeners = listeningBackends();
        try (EventStream stream = EventStream.open(server.desk.port(), "/api/v1/events", agent)) {
            assertThat(stream.status).isEqualTo(200);
            String id = file(customer, "Heard behind the pooler");

            assertThat(stream.next("ticket_created", WAIT))
                    .hasValueSatisfying(event -> assertThat(event.data()).contains(id));
        }
        assertThat(listeners)
                .as("one listening session, kept across transactions")
                .hasSize(1);
        assertThat(listeningBackends()).isEqualTo(listeners);
    }

    private int backendsOfTheRole() throws SQLException {
        return query("SELECT count(*) FROM pg_stat_activity WHERE usename = '" + server.database.servingRole() + "'")
                .get(0);
    }

    /** The backends whose session listens for the change feed (a LISTEN is the last and only thing they ran). */
    private List<Integer> listeningBackends() throws SQLException {
        return query("SELECT pid FROM pg_stat_activity WHERE query = 'LISTEN supportdesk_changes' ORDER BY pid");
    }

    private List<Integer> query(String sql) throws SQLException {
        try (Connection superuser = server.database
                        .cluster()
                        .superuserConnection(server.database.cluster().database());
                Statement statement = superuser.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<Integer> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getInt(1));
            }
            return values;
        }
    }
}
