package org.supportdesk.adapter.http.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.kb.ReadArticle;
import org.supportdesk.application.kb.SearchArticles;
import org.supportdesk.application.kb.SuggestArticles;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.SearchText;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.CustomerActor;

/**
 * The knowledge base for customers (§9): their tenant's published articles, searched ({@code q}), read, and suggested
 * for a subject being typed. A draft, another tenant's article and a missing one are the same 404.
 */
public final class PortalKnowledgeBaseEndpoints implements Endpoints {
    private final UseCases.Portal useCases;

    public PortalKnowledgeBaseEndpoints(UseCases.Portal useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/portal/kb/articles", this::search, AccessRole.CUSTOMER);
        routes.get("/api/v1/portal/kb/articles/{id}", this::read, AccessRole.CUSTOMER);
        routes.get("/api/v1/portal/kb/suggestions", this::suggest, AccessRole.CUSTOMER);
    }

    void search(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        var found = useCases.searchArticles()
                .handle(new SearchArticles.Command(
                        customer,
                        SearchText.parse("q", ctx.queryParam("q")),
                        PageRequest.ofTickets(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT))));
        ctx.json(Pagination.of(found.map(PortalArticleResponse.Hit::of)));
    }

    void read(Context ctx) {
        ArticleId article = new ArticleId(JsonFields.pathId(ctx.pathParam("id"), "Article"));
        ctx.json(PortalArticleResponse.of(
                useCases.readArticle().handle(new ReadArticle.Command(Authenticator.customer(ctx), article))));
    }

    void suggest(Context ctx) {
        var suggested = useCases.suggestArticles()
                .handle(new SuggestArticles.Command(
                        Authenticator.customer(ctx), SearchText.parse("subject", ctx.queryParam("subject"))));
        ctx.json(new PortalArticleResponse.Suggestions(
                suggested.stream().map(PortalArticleResponse.Hit::of).toList()));
    }
}
