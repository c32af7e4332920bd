package org.supportdesk.adapter.persistence;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.supportdesk.domain.port.ConcurrentChange;
import org.supportdesk.domain.port.StoreUnavailable;

/**
 * Tells the database failures a caller can act on from real errors: a database that cannot serve just now (down,
 * restarting, unreachable, too slow) reaches callers as {@link StoreUnavailable} (a 503 to retry later), and a write
 * that lost a race with a concurrent one (the unique key a check had just found free, a row a check had just found
 * that is gone, a serialisation failure, a deadlock) as {@link ConcurrentChange} (a 409 to retry now); anything else
 * stays as it is.
 */
final class StoreFailures {
    /** PostgreSQL's codes for a server going away or refusing for now, and for a statement cut off by its timeout. */
    private static final Set<String> UNREACHABLE = Set.of("57P01", "57P02", "57P03", "53300", "57014");
    /**
     * unique_violation, foreign_key_violation (a row the write refers to was deleted meanwhile, or one it deletes was
     * referred to meanwhile), serialization_failure, deadlock_detected.
     */
    private static final Set<String> LOST_RACE = Set.of("23505", "23503", "40001", "40P01");

    private StoreFailures() {}

    /** {@code failure} as the port's exception for what happened, else itself. */
    static RuntimeException translate(RuntimeException failure) {
        if (cannotServe(failure)) {
            return new StoreUnavailable(failure);
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOST_RACE.contains(sql.getSQLState())) {
                return new ConcurrentChange(failure);
            }
        }
        return failure;
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
        return state != null && (state.startsWith("08") || UNREACHABLE.contains(state));
    }
}
