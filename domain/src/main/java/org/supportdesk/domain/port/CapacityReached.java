package org.supportdesk.domain.port;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * As much of some costly work (password hashing …) is running as the server allows at once, and this request waited
 * its turn in vain. Nothing was done; the same request may be tried again shortly.
 */
public final class CapacityReached extends DomainException {
    public CapacityReached(String what) {
        super(ProblemCode.UNAVAILABLE, "The server is busy with " + what + " just now; try again in a few seconds");
    }
}
