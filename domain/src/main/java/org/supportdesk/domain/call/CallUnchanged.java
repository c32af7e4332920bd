package org.supportdesk.domain.call;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** A change that would change nothing; refused, so the request and the journal stay as they are. */
public final class CallUnchanged extends DomainException {
    public CallUnchanged(CallId call) {
        super(ProblemCode.NO_CHANGES, "The request changes nothing on call " + call);
    }
}
