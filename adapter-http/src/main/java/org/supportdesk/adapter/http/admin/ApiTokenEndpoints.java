package org.supportdesk.adapter.http.admin;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
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
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.admin.ListApiTokens;
import org.supportdesk.application.admin.RevokeApiToken;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Integration API tokens (§12, §17): {@code /api/v1/api-tokens}, admins only. The secret is in the creation answer
 * and nowhere else, ever.
 */
public final class ApiTokenEndpoints implements Endpoints {
    private final UseCases.Admin useCases;
    private final Requests requests;
    private final IdempotentCreation creation;

    public ApiTokenEndpoints(UseCases.Admin useCases, Requests requests, IdempotentCreation creation) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/api-tokens", this::create, AccessRole.ADMIN);
        routes.get("/api/v1/api-tokens", this::list, AccessRole.ADMIN);
        routes.delete("/api/v1/api-tokens/{id}", this::revoke, AccessRole.ADMIN);
    }

    record CreateRequest(String name, String role) {}

    /** A token as listed: everything but the secret. */
    record TokenResponse(
            UUID id, String name, String role, UUID identityId, UUID createdBy, Instant createdAt, Instant revokedAt) {
        static TokenResponse of(ApiToken token) {
            return new TokenResponse(
                    token.id().value(),
                    token.name(),
                    token.role().wireName(),
                    token.identity().value(),
                    token.createdBy().value(),
                    token.createdAt(),
                    token.revokedAt().orElse(null));
        }
    }

    /** A new token with its secret, shown this once; a replay of its Idempotency-Key answers without it. */
    record CreatedResponse(UUID id, String token, String name, String role, Instant createdAt) {
        CreatedResponse withoutSecret() {
            return new CreatedResponse(id, null, name, role, createdAt);
        }
    }

    void create(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        CreateRequest body = requests.body(ctx, CreateRequest.class);
        FieldReader fields = new FieldReader();
        String name =
                fields.required("name", fields.read("name", () -> Validation.trimmed("name", body.name(), 1, 100)));
        Role role = fields.required("role", fields.read("role", () -> staffRole(body.role())));
        fields.done();
        creation.respond(
                ctx,
                admin,
                () -> {
                    CreateApiToken.Created created =
                            useCases.createApiToken().handle(new CreateApiToken.Command(admin, name, role));
                    ApiToken token = created.token();
                    return new CreatedResponse(
                            token.id().value(),
                            created.secret().value(),
                            token.name(),
                            token.role().wireName(),
                            token.createdAt());
                },
                CreatedResponse::withoutSecret);
    }

    void list(Context ctx) {
        List<TokenResponse> items =
                useCases.listApiTokens().handle(new ListApiTokens.Command(Authenticator.staff(ctx))).stream()
                        .map(TokenResponse::of)
                        .collect(Collectors.toList());
        ctx.json(Pagination.of(new Page<>(items, 1, Math.max(1, items.size()), items.size())));
    }

    void revoke(Context ctx) {
        ApiTokenId id = new ApiTokenId(JsonFields.pathId(ctx.pathParam("id"), "API token"));
        useCases.revokeApiToken().handle(new RevokeApiToken.Command(Authenticator.staff(ctx), id));
        ctx.status(204);
    }

    private static Role staffRole(String raw) {
        if (raw == null) {
            return null;
        }
        Role role = JsonFields.role(raw);
        if (!role.isStaff()) {
            throw ValidationFailed.of("role", "must be agent or admin");
        }
        return role;
    }
}
