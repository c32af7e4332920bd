package org.supportdesk.adapter.http.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.kb.CreateArticle;
import org.supportdesk.application.kb.DeleteArticle;
import org.supportdesk.application.kb.GetArticle;
import org.supportdesk.application.kb.ListArticles;
import org.supportdesk.application.kb.UpdateArticle;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleEdit;
import org.supportdesk.domain.kb.ArticleFilter;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * The knowledge base for staff (§10): {@code /api/v1/kb/articles}. Agents and admins write, read and edit articles;
 * only admins delete one, since unpublishing already hides it from customers and can be undone.
 */
public final class KnowledgeBaseEndpoints implements Endpoints {
    private static final Set<String> FIELDS = Set.of("title", "body", "status", "tags");

    private final UseCases.Desk useCases;
    private final Requests requests;
    private final IdempotentCreation creation;

    public KnowledgeBaseEndpoints(UseCases.Desk useCases, Requests requests, IdempotentCreation creation) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/kb/articles", this::create, AccessRole.STAFF);
        routes.get("/api/v1/kb/articles", this::list, AccessRole.STAFF);
        routes.get("/api/v1/kb/articles/{id}", this::get, AccessRole.STAFF);
        routes.patch("/api/v1/kb/articles/{id}", this::patch, AccessRole.STAFF);
        routes.delete("/api/v1/kb/articles/{id}", this::delete, AccessRole.ADMIN);
    }

    void create(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        ArticleTitle title = fields.required(
                "title", JsonFields.optional(fields, body, "title", n -> new ArticleTitle(JsonFields.text(n))));
        ArticleBody text = fields.required(
                "body", JsonFields.optional(fields, body, "body", n -> new ArticleBody(JsonFields.text(n))));
        ArticleStatus status = JsonFields.optional(fields, body, "status", n -> ArticleStatus.parse(JsonFields.text(n)))
                .orElse(ArticleStatus.DRAFT);
        ArticleTags tags = JsonFields.optional(fields, body, "tags", KnowledgeBaseEndpoints::tags)
                .orElse(ArticleTags.NONE);
        fields.done();
        creation.respond(
                ctx,
                staff,
                () -> ArticleResponse.of(
                        useCases.createArticle().handle(new CreateArticle.Command(staff, title, text, status, tags))));
    }

    void list(Context ctx) {
        Set<ArticleStatus> statuses = Requests.query(ctx, "status", raw -> Arrays.stream(raw.split(","))
                        .map(String::strip)
                        .map(ArticleStatus::parse)
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        Optional<String> tag = Requests.query(ctx, "tag", ArticleTags::tag);
        Optional<SearchText> text = SearchText.parse("q", ctx.queryParam("q"));
        PageRequest page = PageRequest.ofTickets(
                Requests.intQuery(ctx, "page", 1), Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT));
        var found = useCases.listArticles()
                .handle(new ListArticles.Command(
                        Authenticator.staff(ctx), new ArticleFilter(statuses, tag, text), page));
        ctx.json(Pagination.of(found.map(ArticleResponse::of)));
    }

    void get(Context ctx) {
        ctx.json(ArticleResponse.of(
                useCases.getArticle().handle(new GetArticle.Command(Authenticator.staff(ctx), articleId(ctx)))));
    }

    void patch(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        ArticleId article = articleId(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        ArticleEdit edit = new ArticleEdit(
                JsonFields.optional(fields, body, "title", n -> new ArticleTitle(JsonFields.text(n))),
                JsonFields.optional(fields, body, "body", n -> new ArticleBody(JsonFields.text(n))),
                JsonFields.optional(fields, body, "status", n -> ArticleStatus.parse(JsonFields.text(n))),
                JsonFields.optional(fields, body, "tags", KnowledgeBaseEndpoints::tags));
        fields.done();
        ctx.json(ArticleResponse.of(useCases.updateArticle().handle(new UpdateArticle.Command(staff, article, edit))));
    }

    void delete(Context ctx) {
        useCases.deleteArticle().handle(new DeleteArticle.Command(Authenticator.staff(ctx), articleId(ctx)));
        ctx.status(204);
    }

    private static ArticleId articleId(Context ctx) {
        return new ArticleId(JsonFields.pathId(ctx.pathParam("id"), "Article"));
    }

    private static ArticleTags tags(JsonNode value) {
        if (!value.isArray()) {
            throw ValidationFailed.of("tags", "must be a list of tags");
        }
        List<String> raw = new ArrayList<>();
        value.forEach(tag -> {
            if (!tag.isTextual()) {
                throw ValidationFailed.of("tags", "every tag is text");
            }
            raw.add(tag.asText());
        });
        return ArticleTags.of(raw);
    }
}
