package org.supportdesk.adapter.http.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.UUID;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.query.ListCategories;
import org.supportdesk.application.query.ShowCustomerProfile;
import org.supportdesk.domain.tenant.Category;

/** The customer's own profile and the categories to file under (§9): {@code /api/v1/portal/me}, {@code /categories}. */
public final class PortalProfileEndpoints implements Endpoints {
    private final UseCases.Portal useCases;

    public PortalProfileEndpoints(UseCases.Portal useCases) {
        this.useCases = useCases;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/portal/me", this::me, AccessRole.CUSTOMER);
        routes.get("/api/v1/portal/categories", this::categories, AccessRole.CUSTOMER);
    }

    record OrganizationRef(UUID id, String name) {}

    record Stats(long total, long open, long resolved) {}

    record MeResponse(UUID id, String name, String email, String language, OrganizationRef organization, Stats stats) {}

    record CategoriesResponse(List<String> categories) {}

    void me(Context ctx) {
        var profile = useCases.showProfile().handle(new ShowCustomerProfile.Command(Authenticator.customer(ctx)));
        ctx.json(new MeResponse(
                profile.person().id().value(),
                profile.person().name(),
                profile.person().email().value(),
                profile.person().language().wireName(),
                profile.organization()
                        .map(o -> new OrganizationRef(o.id().value(), o.name()))
                        .orElse(null),
                new Stats(
                        profile.stats().total(),
                        profile.stats().open(),
                        profile.stats().resolved())));
    }

    void categories(Context ctx) {
        var categories = useCases.listCategories().handle(new ListCategories.Command(Authenticator.customer(ctx)));
        ctx.json(new CategoriesResponse(categories.stream().map(Category::value).toList()));
    }
}
