package org.supportdesk.adapter.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.supportdesk.domain.port.StoreUnavailable;

/**
 * Tells a database that cannot serve just now (down, restarting, unreachable, too slow) from a real error, so the
 * former reaches callers as the port's {@link StoreUnavailable} (a 503 that may be retried), the latter as it is.
 */
final class Unreachable {
    /** PostgreSQL's codes for a server going away or refusing for now, and for a statement cut off by its timeout. */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014");

    private Unreachable() {}

    /** {@code failure} as {@link StoreUnavailable} when the database could not serve, else itself. */
    static RuntimeException translate(RuntimeException failure) {
        return cannotServe(failure) ? new StoreUnavailable(failure) : failure;
    }

    /** Whether {@code failure} or one of its causes says the database cannot serve just now. */
    static boolean cannotServe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && unreachable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(String state) {
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }
}
