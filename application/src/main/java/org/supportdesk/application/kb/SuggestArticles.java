package org.supportdesk.application.kb;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.kb.ArticleHit;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.CustomerActor;

/**
 * The portal shows a customer the best published articles for the subject they are typing, before they file (§9): at
 * most {@link #LIMIT}, matching any word, the last as a prefix. No words, no suggestions.
 */
public final class SuggestArticles {
    /** How many suggestions the portal shows. */
    public static final int LIMIT = 5;

    public record Command(CustomerActor actor, Optional<SearchText> subject) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(subject, "subject");
        }
    }

    private final KnowledgeBase knowledgeBase;
    private final TransactionRunner transactions;

    public SuggestArticles(KnowledgeBase knowledgeBase, TransactionRunner transactions) {
        this.knowledgeBase = knowledgeBase;
        this.transactions = transactions;
    }

    public List<ArticleHit> handle(Command command) {
        CustomerActor customer = command.actor();
        if (command.subject().filter(SearchText::hasWords).isEmpty()) {
            return List.of();
        }
        return transactions.inTransaction(
                customer.tenant(),
                () -> knowledgeBase.suggestPublished(
                        customer.tenant(), command.subject().get(), LIMIT));
    }
}
