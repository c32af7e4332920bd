package org.supportdesk.domain.call;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** No such call-back request in the actor's tenant; another tenant's is reported exactly alike (§8). */
public final class CallNotFound extends DomainException {
    public CallNotFound() {
        super(ProblemCode.NOT_FOUND, "Call not found");
    }
}
