package org.supportdesk.application.kb;

import java.util.List;
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
 * else the most recently updated first; text without a word finds nothing.
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
        if (command.filter().text().filter(text -> !text.hasWords()).isPresent()) {
            return new Page<>(List.of(), command.page().page(), command.page().limit(), 0);
        }
        return work.asStaff(staff, () -> knowledgeBase.list(staff.tenant(), command.filter(), command.page()));
    }
}
