package org.supportdesk.application.admin;

import java.util.List;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin lists the tenant's API tokens, revoked ones included; no secret is ever part of them. */
public final class ListApiTokens {
    public record Command(StaffActor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final AdminWork work;
    private final ApiTokens tokens;

    public ListApiTokens(AdminWork work, ApiTokens tokens) {
        this.work = work;
        this.tokens = tokens;
    }

    public List<ApiToken> handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "list API tokens", () -> tokens.list(admin.tenant()));
    }
}
