package org.supportdesk.application.kb;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Staff list their tenant's articles, drafts included, by status, tag and text (§10): best match first with text,
 * else the most recently updated first.
 */
public final class ListArticles {
    public record Command(StaffActor actor, ArticleFilter filter, PageRequest page) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(filter, "filter");
            Objects.requireNonNull(page, "page");
        }
    }

    private final AdminWork work;
    private final KnowledgeBase knowledgeBase;

    public ListArticles(AdminWork work, KnowledgeBase knowledgeBase) {
        this.work = work;
        this.knowledgeBase = knowledgeBase;
    }

    public Page<Article> handle(Command command) {
        StaffActor staff = command.actor();
        return work.asStaff(staff, () -> knowledgeBase.list(staff.tenant(), command.filter(), command.page()));
    }
}
