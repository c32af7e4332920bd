package org.supportdesk.domain.kb;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** An article some ticket names as its related article cannot be deleted; unpublishing hides it from customers. */
public final class ArticleInUse extends DomainException {
    public ArticleInUse(ArticleId article) {
        super(
                ProblemCode.CONFLICT,
                "Article " + article + " is the related article of a ticket; set it to draft to hide it from"
                        + " customers instead");
    }
}
