package org.supportdesk.domain.attachment;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * No attachment the actor may fetch goes by that id. Said the same whether it is missing, another tenant's, on a
 * message the actor may not see, or someone else's unlinked upload (§8), so none of them can be told apart.
 */
public final class AttachmentNotFound extends DomainException {
    public AttachmentNotFound() {
        super(ProblemCode.NOT_FOUND, "No such attachment");
    }
}
