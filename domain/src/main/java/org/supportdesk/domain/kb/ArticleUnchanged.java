package org.supportdesk.domain.kb;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** An edit that would change nothing; refused, so the article and the journal stay as they are. */
public final class ArticleUnchanged extends DomainException {
    public ArticleUnchanged(ArticleId article) {
        super(ProblemCode.NO_CHANGES, "The request changes nothing on article " + article);
    }
}
