package org.supportdesk.application.kb;

import java.util.Objects;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleNotFound;
import org.supportdesk.domain.kb.PublishedArticle;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;

/**
 * A customer reads one published article of their tenant (§9); a draft is not found, exactly like a missing article or
 * another tenant's (§8).
 */
public final class ReadArticle {
    public record Command(CustomerActor actor, ArticleId article) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(article, "article");
        }
    }

    private final KnowledgeBase knowledgeBase;
    private final TransactionRunner transactions;

    public ReadArticle(KnowledgeBase knowledgeBase, TransactionRunner transactions) {
        this.knowledgeBase = knowledgeBase;
        this.transactions = transactions;
    }

    public PublishedArticle handle(Command command) {
        CustomerActor customer = command.actor();
        return transactions.inTransaction(customer.tenant(), () -> knowledgeBase
                .find(customer.tenant(), command.article())
                .filter(Article::isPublished)
                .map(PublishedArticle::of)
                .orElseThrow(ArticleNotFound::new));
    }
}
