package org.supportdesk.application.idempotency;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** An idempotency key sent again with a different request (§17). */
public final class IdempotencyKeyReused extends DomainException {
    public IdempotencyKeyReused() {
        super(ProblemCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was already used for a different request");
    }
}
