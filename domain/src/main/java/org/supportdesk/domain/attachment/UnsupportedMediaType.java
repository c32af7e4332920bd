package org.supportdesk.domain.attachment;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** A file whose bytes are not of a kind Supportdesk accepts, whatever the client said it was (415). */
public final class UnsupportedMediaType extends DomainException {
    public UnsupportedMediaType(String detail) {
        super(ProblemCode.UNSUPPORTED_MEDIA_TYPE, detail);
    }
}
