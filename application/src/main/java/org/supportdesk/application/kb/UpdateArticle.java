package org.supportdesk.application.kb;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleEdit;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleNotFound;
import org.supportdesk.domain.kb.ArticleUnchanged;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An agent or admin changes an article's title, text, status or tags (§10 PATCH); publishing or unpublishing is a
 * status change. Values equal to the current ones are no change; a request that changes nothing is refused
 * ({@code NO_CHANGES}). Journalled with every field it changed.
 */
public final class UpdateArticle {
    public record Command(StaffActor actor, ArticleId article, ArticleEdit edit) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(article, "article");
            Objects.requireNonNull(edit, "edit");
        }
    }

    private final AdminWork work;
    private final KnowledgeBase knowledgeBase;

    public UpdateArticle(AdminWork work, KnowledgeBase knowledgeBase) {
        this.work = work;
        this.knowledgeBase = knowledgeBase;
    }

    public Article handle(Command command) {
        StaffActor staff = command.actor();
        return work.asStaff(staff, () -> {
            Article before =
                    knowledgeBase.find(staff.tenant(), command.article()).orElseThrow(ArticleNotFound::new);
            Article.Edited edited = before.edit(command.edit(), work.now());
            if (!edited.changedAnything()) {
                throw new ArticleUnchanged(before.id());
            }
            knowledgeBase.update(edited.article());
            work.record(
                    staff,
                    JournalAction.ARTICLE_UPDATED,
                    TargetKind.ARTICLE,
                    before.id().value(),
                    edited.changes());
            return edited.article();
        });
    }
}
