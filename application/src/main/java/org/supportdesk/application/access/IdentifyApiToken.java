package org.supportdesk.application.access;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenSecret;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Turns an integration API token into the staff actor it acts as (§12): the tenant it names must hold a token with
 * that digest, not revoked. Anything else is nobody. One SHA-256 and one indexed lookup, no key derivation.
 */
public final class IdentifyApiToken {
    public record Command(String bearer) {
        public Command {
            Objects.requireNonNull(bearer, "bearer");
        }
    }

    private final ApiTokens tokens;

    public IdentifyApiToken(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** Reads the token on its own, outside any unit of work (see {@link ApiTokens#bySecretDigest}). */
    public Optional<StaffActor> handle(Command command) {
        return ApiTokenSecret.parse(command.bearer())
                .flatMap(secret -> tokens.bySecretDigest(secret.tenant(), secret.digest()))
                .filter(token -> !token.isRevoked())
                .map(ApiToken::actor);
    }
}
