package org.supportdesk.domain.kb;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/**
 * No such article for this actor: missing, another tenant's, or (for a customer) a draft. One message for all of them,
 * so a 404 tells nothing of which (§8).
 */
public final class ArticleNotFound extends DomainException {
    public ArticleNotFound() {
        super(ProblemCode.NOT_FOUND, "Article not found");
    }
}
