package org.supportdesk.domain.port;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * No notification of the caller's goes by that id. Said the same for a missing id, someone else's notification and
 * another tenant's (§8), and without echoing the id, so the three answers are byte for byte identical.
 */
public final class NotificationNotFound extends DomainException {
    public NotificationNotFound() {
        super(ProblemCode.NOT_FOUND, "No such notification");
    }
}
