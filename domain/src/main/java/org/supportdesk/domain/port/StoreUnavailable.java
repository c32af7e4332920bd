package org.supportdesk.domain.port;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * The store cannot be reached or did not answer in time (down, restarting, partitioned, overloaded). Nothing of the
 * unit of work was committed; the same request may be tried again once the store is back.
 */
public final class StoreUnavailable extends DomainException {
    public StoreUnavailable(Throwable cause) {
        super(ProblemCode.UNAVAILABLE, "The ticket store is unavailable just now; try again in a few seconds");
        initCause(cause);
    }
}
