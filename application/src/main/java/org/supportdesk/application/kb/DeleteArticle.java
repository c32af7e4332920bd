package org.supportdesk.application.kb;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleInUse;
import org.supportdesk.domain.kb.ArticleNotFound;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin deletes an article for good (§10). Admins only, because a delete cannot be undone while unpublishing,
 * which agents may do, already hides an article from customers and can be reversed. An article some ticket names as
 * its related article is kept ({@code 409 CONFLICT}): set it to draft instead. Journalled with what the article was.
 */
public final class DeleteArticle {
    public record Command(StaffActor actor, ArticleId article) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(article, "article");
        }
    }

    private final AdminWork work;
    private final KnowledgeBase knowledgeBase;
    private final TicketRepository tickets;

    public DeleteArticle(AdminWork work, KnowledgeBase knowledgeBase, TicketRepository tickets) {
        this.work = work;
        this.knowledgeBase = knowledgeBase;
        this.tickets = tickets;
    }

    public void handle(Command command) {
        StaffActor admin = command.actor();
        work.asAdmin(admin, "delete articles", () -> {
            Article article =
                    knowledgeBase.find(admin.tenant(), command.article()).orElseThrow(ArticleNotFound::new);
            if (tickets.relatesToArticle(admin.tenant(), article.id())) {
                throw new ArticleInUse(article.id());
            }
            knowledgeBase.delete(admin.tenant(), article.id());
            work.record(
                    admin,
                    JournalAction.ARTICLE_DELETED,
                    TargetKind.ARTICLE,
                    article.id().value(),
                    article.asDeleted());
            return null;
        });
    }
}
