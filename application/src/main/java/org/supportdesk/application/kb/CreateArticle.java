package org.supportdesk.application.kb;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.tenant.StaffActor;

/** An agent or admin writes a knowledge-base article, as a draft or published (§10); journalled. */
public final class CreateArticle {
    public record Command(
            StaffActor actor, ArticleTitle title, ArticleBody body, ArticleStatus status, ArticleTags tags) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(tags, "tags");
        }
    }

    private final AdminWork work;
    private final KnowledgeBase knowledgeBase;

    public CreateArticle(AdminWork work, KnowledgeBase knowledgeBase) {
        this.work = work;
        this.knowledgeBase = knowledgeBase;
    }

    public Article handle(Command command) {
        StaffActor staff = command.actor();
        return work.asStaff(staff, () -> {
            Article article = Article.write(
                    new ArticleId(work.newId()),
                    staff.tenant(),
                    command.title(),
                    command.body(),
                    command.status(),
                    command.tags(),
                    work.now());
            knowledgeBase.add(article);
            work.record(
                    staff,
                    JournalAction.ARTICLE_CREATED,
                    TargetKind.ARTICLE,
                    article.id().value(),
                    article.asCreated());
            return article;
        });
    }
}
