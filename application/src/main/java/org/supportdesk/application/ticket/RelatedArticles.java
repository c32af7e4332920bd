package org.supportdesk.application.ticket;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.ActorKind;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Which article a ticket may name as its related article (§3), read in the caller's transaction: for a customer a
 * published article of their tenant, for staff any article of it. A customer's refusal reads the same for a draft, a
 * missing article and another tenant's, so it tells them nothing a search would not.
 */
final class RelatedArticles {
    private final KnowledgeBase knowledgeBase;

    RelatedArticles(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    /** Refuses an article {@code actor} may not name, on {@code related_article}. */
    void requireNameable(Actor actor, ArticleId article) {
        boolean customer = actor.kind() == ActorKind.CUSTOMER;
        boolean nameable = knowledgeBase
                .find(actor.tenant(), article)
                .filter(a -> !customer || a.isPublished())
                .isPresent();
        if (!nameable) {
            throw ValidationFailed.of(
                    "related_article",
                    customer
                            ? "must be a published article of the knowledge base"
                            : "must be an article of the knowledge base");
        }
    }

    /** Whether the requester sees a change from {@code before} to {@code after}: they see published articles only. */
    boolean requesterSeesChange(TenantId tenant, Optional<ArticleId> before, Optional<ArticleId> after) {
        Set<ArticleId> named = new HashSet<>();
        before.ifPresent(named::add);
        after.ifPresent(named::add);
        return !named.isEmpty() && !knowledgeBase.publishedAmong(tenant, named).isEmpty();
    }
}
