package org.supportdesk.domain.port;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * A write lost a race with a concurrent one that took the same unique name or row first (two admins adding the same
 * email at the same moment …). Nothing of the unit of work was committed; trying again gives the answer the store now
 * warrants (usually that the name is taken).
 */
public final class ConcurrentChange extends DomainException {
    public ConcurrentChange(Throwable cause) {
        super(ProblemCode.CONFLICT, "Another request changed the same thing at the same moment; try again");
        initCause(cause);
    }
}
