package org.supportdesk.application.kb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;

/**
 * A customer searches the published articles of their tenant (§9 {@code /kb/articles?q=}): ranked, with snippets;
 * without text, every published article, the most recently updated first; text without a word finds nothing. Drafts
 * are never found.
 */
public final class SearchArticles {
    public record Command(CustomerActor actor, Optional<SearchText> text, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(page, "page");
        }
    }

    private final KnowledgeBase knowledgeBase;
    private final TransactionRunner transactions;

    public SearchArticles(KnowledgeBase knowledgeBase, TransactionRunner transactions) {
        this.knowledgeBase = knowledgeBase;
        this.transactions = transactions;
    }

    public Page<ArticleHit> handle(Command command) {
        CustomerActor customer = command.actor();
        if (command.text().filter(text -> !text.hasWords()).isPresent()) {
            return new Page<>(List.of(), command.page().page(), command.page().limit(), 0);
        }
        return transactions.inTransaction(
                customer.tenant(),
                () -> knowledgeBase.searchPublished(customer.tenant(), command.text(), command.page()));
    }
}
