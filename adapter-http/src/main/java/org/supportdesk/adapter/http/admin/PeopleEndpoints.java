package org.supportdesk.adapter.http.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.admin.ExportCustomerData;
import org.supportdesk.application.admin.GetPerson;
import org.supportdesk.application.admin.ListPeople;
import org.supportdesk.application.admin.PeopleList;
import org.supportdesk.application.admin.UpdatePerson;
import org.supportdesk.application.privacy.ErasePerson;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * People (§10, §17): {@code /api/v1/customers} for admins, {@code /api/v1/agents} for admins to change and for every
 * staff member to read (agents assign work).
 */
public final class PeopleEndpoints implements Endpoints {
    private static final Set<String> PATCHABLE = Set.of("name", "role", "active", "language");

    private final UseCases.Admin useCases;
    private final Requests requests;
    private final IdempotentCreation creation;
    private final ObjectMapper json;

    public PeopleEndpoints(UseCases.Admin useCases, Requests requests, IdempotentCreation creation, ObjectMapper json) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
        this.json = json;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/customers", this::addCustomer, AccessRole.ADMIN);
        routes.get("/api/v1/customers", ctx -> list(ctx, PeopleList.CUSTOMERS), AccessRole.ADMIN);
        routes.get("/api/v1/customers/{id}", ctx -> get(ctx, PeopleList.CUSTOMERS), AccessRole.ADMIN);
        routes.patch("/api/v1/customers/{id}", ctx -> patch(ctx, PeopleList.CUSTOMERS), AccessRole.ADMIN);
        routes.get("/api/v1/customers/{id}/export", this::export, AccessRole.ADMIN);
        routes.post("/api/v1/customers/{id}/erase", this::erase, AccessRole.ADMIN);
        routes.post("/api/v1/agents", this::addAgent, AccessRole.ADMIN);
        routes.get("/api/v1/agents", ctx -> list(ctx, PeopleList.STAFF), AccessRole.STAFF);
        routes.get("/api/v1/agents/{id}", ctx -> get(ctx, PeopleList.STAFF), AccessRole.STAFF);
        routes.patch("/api/v1/agents/{id}", ctx -> patch(ctx, PeopleList.STAFF), AccessRole.ADMIN);
    }

    record CustomerRequest(String email, String name, String password, String organizationId, String language) {}

    record AgentRequest(String email, String name, String role, String password, String language) {}

    void addCustomer(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        CustomerRequest body = requests.body(ctx, CustomerRequest.class);
        FieldReader fields = new FieldReader();
        Email email = fields.required("email", fields.read("email", () -> Email.of(body.email())));
        String name = fields.required("name", fields.read("name", () -> name(body.name())));
        Optional<Password> password =
                fields.read("password", () -> body.password() == null ? null : new Password(body.password()));
        Optional<OrganizationId> organization = fields.read(
                "organization_id",
                () -> body.organizationId() == null
                        ? null
                        : new OrganizationId(UUID.fromString(body.organizationId())));
        Language language =
                fields.read("language", () -> language(body.language())).orElse(Language.DEFAULT);
        fields.done();
        creation.respond(
                ctx,
                admin,
                () -> PersonResponse.of(useCases.addPerson()
                        .handle(new AddPerson.Command(
                                admin, email, name, Role.CUSTOMER, organization, password, language))));
    }

    void addAgent(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        AgentRequest body = requests.body(ctx, AgentRequest.class);
        FieldReader fields = new FieldReader();
        Email email = fields.required("email", fields.read("email", () -> Email.of(body.email())));
        String name = fields.required("name", fields.read("name", () -> name(body.name())));
        Role role = fields.required("role", fields.read("role", () -> staffRole(body.role())));
        Password password = fields.required("password", fields.read("password", () -> new Password(body.password())));
        Language language =
                fields.read("language", () -> language(body.language())).orElse(Language.DEFAULT);
        fields.done();
        creation.respond(
                ctx,
                admin,
                () -> PersonResponse.of(useCases.addPerson()
                        .handle(new AddPerson.Command(
                                admin, email, name, role, Optional.empty(), Optional.of(password), language))));
    }

    void list(Context ctx, PeopleList audience) {
        var page = useCases.listPeople()
                .handle(new ListPeople.Command(
                        Authenticator.staff(ctx),
                        audience,
                        PageRequest.ofTickets(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT))));
        ctx.json(Pagination.of(page.map(PersonResponse::of)));
    }

    void get(Context ctx, PeopleList audience) {
        ctx.json(PersonResponse.of(
                useCases.getPerson().handle(new GetPerson.Command(Authenticator.staff(ctx), audience, personId(ctx)))));
    }

    void export(Context ctx) {
        CustomerExportJson export = new CustomerExportJson(ctx, json);
        useCases.exportCustomerData()
                .handle(new ExportCustomerData.Command(Authenticator.staff(ctx), personId(ctx)), export);
        export.finish();
    }

    void erase(Context ctx) {
        ctx.json(ErasureResponse.of(
                useCases.erasePerson().handle(new ErasePerson.Command(Authenticator.staff(ctx), personId(ctx)))));
    }

    void patch(Context ctx, PeopleList audience) {
        StaffActor admin = Authenticator.staff(ctx);
        UserId person = personId(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, PATCHABLE);
        FieldReader fields = new FieldReader();
        Optional<String> name = JsonFields.optional(fields, body, "name", n -> name(JsonFields.text(n)));
        Optional<Role> role = JsonFields.optional(fields, body, "role", n -> JsonFields.role(JsonFields.text(n)));
        Optional<Boolean> active = JsonFields.optional(fields, body, "active", JsonFields::bool);
        Optional<Language> language = JsonFields.optional(fields, body, "language", n -> language(JsonFields.text(n)));
        fields.done();
        ctx.json(PersonResponse.of(useCases.updatePerson()
                .handle(new UpdatePerson.Command(admin, audience, person, name, role, active, language))));
    }

    private static UserId personId(Context ctx) {
        return new UserId(JsonFields.pathId(ctx.pathParam("id"), "Person"));
    }

    private static String name(String raw) {
        return Validation.trimmed("name", raw, 1, 200);
    }

    /** A language to write mail in; absent from a new person's request means the default. */
    private static Language language(String raw) {
        if (raw == null) {
            return null;
        }
        return Language.parse(raw).orElseThrow(() -> ValidationFailed.of("language", "must be en or ru"));
    }

    private static Role staffRole(String raw) {
        Role role = JsonFields.role(raw);
        if (!role.isStaff()) {
            throw ValidationFailed.of("role", "must be agent or admin");
        }
        return role;
    }
}
