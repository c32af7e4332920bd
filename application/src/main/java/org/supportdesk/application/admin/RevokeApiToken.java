package org.supportdesk.application.admin;

import java.util.List;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin revokes an API token: from then on it is refused like any invalid token. Revoking twice changes nothing. */
public final class RevokeApiToken {
    public record Command(StaffActor actor, ApiTokenId token) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(token, "token");
        }
    }

    private final AdminWork work;
    private final ApiTokens tokens;

    public RevokeApiToken(AdminWork work, ApiTokens tokens) {
        this.work = work;
        this.tokens = tokens;
    }

    public ApiToken handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "revoke API tokens", () -> {
            ApiToken token =
                    tokens.find(admin.tenant(), command.token()).orElseThrow(() -> new NotFound("API token not found"));
            if (token.isRevoked()) {
                return token;
            }
            ApiToken revoked = token.revoked(work.now());
            tokens.update(revoked);
            work.record(
                    admin,
                    JournalAction.API_TOKEN_REVOKED,
                    TargetKind.API_TOKEN,
                    token.id().value(),
                    List.of(FieldChange.of(
                            "revoked_at", null, revoked.revokedAt().orElseThrow())));
            return revoked;
        });
    }
}
