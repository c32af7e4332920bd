package org.supportdesk.domain.attachment;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** More than a tenant's attachment limits allow: a file too large, too many files, or a ticket too full (413). */
public final class PayloadTooLarge extends DomainException {
    public PayloadTooLarge(String detail) {
        super(ProblemCode.PAYLOAD_TOO_LARGE, detail);
    }
}
