package org.supportdesk.adapter.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.AddOrganization;
import org.supportdesk.application.admin.GetOrganization;
import org.supportdesk.application.admin.ListOrganizations;
import org.supportdesk.application.admin.UpdateOrganization;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.StaffActor;

/** Customer organisations (§2, §10): {@code /api/v1/organizations}, admins only. */
public final class OrganizationEndpoints implements Endpoints {
    private static final Set<String> FIELDS = Set.of("name", "shared_tickets");

    private final UseCases.Admin useCases;
    private final Requests requests;
    private final IdempotentCreation creation;

    public OrganizationEndpoints(UseCases.Admin useCases, Requests requests, IdempotentCreation creation) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/organizations", this::add, AccessRole.ADMIN);
        routes.get("/api/v1/organizations", this::list, AccessRole.ADMIN);
        routes.get("/api/v1/organizations/{id}", this::get, AccessRole.ADMIN);
        routes.patch("/api/v1/organizations/{id}", this::patch, AccessRole.ADMIN);
    }

    void add(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        String name = fields.required("name", JsonFields.optional(fields, body, "name", n -> name(JsonFields.text(n))));
        boolean shared = JsonFields.optional(fields, body, "shared_tickets", JsonFields::bool)
                .orElse(false);
        fields.done();
        creation.respond(
                ctx,
                admin,
                () -> OrganizationResponse.of(
                        useCases.addOrganization().handle(new AddOrganization.Command(admin, name, shared))));
    }

    void list(Context ctx) {
        var page = useCases.listOrganizations()
                .handle(new ListOrganizations.Command(
                        Authenticator.staff(ctx),
                        PageRequest.ofTickets(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT))));
        ctx.json(Pagination.of(page.map(OrganizationResponse::of)));
    }

    void get(Context ctx) {
        ctx.json(OrganizationResponse.of(useCases.getOrganization()
                .handle(new GetOrganization.Command(Authenticator.staff(ctx), organizationId(ctx)))));
    }

    void patch(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        OrganizationId organization = organizationId(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        Optional<String> name = JsonFields.optional(fields, body, "name", n -> name(JsonFields.text(n)));
        Optional<Boolean> shared = JsonFields.optional(fields, body, "shared_tickets", JsonFields::bool);
        fields.done();
        ctx.json(OrganizationResponse.of(useCases.updateOrganization()
                .handle(new UpdateOrganization.Command(admin, organization, name, shared))));
    }

    private static OrganizationId organizationId(Context ctx) {
        return new OrganizationId(JsonFields.pathId(ctx.pathParam("id"), "Organization"));
    }

    private static String name(String raw) {
        return Validation.trimmed("name", raw, 1, 200);
    }
}
