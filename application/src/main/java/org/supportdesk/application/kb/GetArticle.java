package org.supportdesk.application.kb;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleNotFound;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.tenant.StaffActor;

/** Staff read one article of their tenant, draft or published; another tenant's is not found. */
public final class GetArticle {
    public record Command(StaffActor actor, ArticleId article) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(article, "article");
        }
    }

    private final AdminWork work;
    private final KnowledgeBase knowledgeBase;

    public GetArticle(AdminWork work, KnowledgeBase knowledgeBase) {
        this.work = work;
        this.knowledgeBase = knowledgeBase;
    }

    public Article handle(Command command) {
        StaffActor staff = command.actor();
        return work.asStaff(
                staff,
                () -> knowledgeBase.find(staff.tenant(), command.article()).orElseThrow(ArticleNotFound::new));
    }
}
