package org.supportdesk.application.admin;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.ApiTokenSecret;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * An admin creates an integration API token acting as an agent or admin (§12, §17). The token gets an identity of its
 * own, a staff person named after it that is inactive, so it can never sign in or be assigned, yet messages and
 * journal entries it writes name it (docs/adr/0002). The secret is answered once and kept only as a digest.
 */
public final class CreateApiToken {
    /** The address domain of token identities; {@code .invalid} is reserved (RFC 2606), so no mail ever goes there. */
    public static final String IDENTITY_DOMAIN = "api-tokens.invalid";

    public record Command(StaffActor actor, String name, Role role) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
        }
    }

    /** The stored token and its secret, which is never available again. */
    public record Created(ApiToken token, ApiTokenSecret secret) {}

    private final AdminWork work;
    private final ApiTokens tokens;
    private final People people;
    private final SecretSource secrets;

    public CreateApiToken(AdminWork work, ApiTokens tokens, People people, SecretSource secrets) {
        this.work = work;
        this.tokens = tokens;
        this.people = people;
        this.secrets = secrets;
    }

    public Created handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "create API tokens", () -> {
            ApiTokenId id = new ApiTokenId(work.newId());
            ApiToken token = new ApiToken(
                    id,
                    admin.tenant(),
                    command.name(),
                    command.role(),
                    new UserId(work.newId()),
                    admin.id(),
                    work.now(),
                    Optional.empty());
            people.add(new Person(
                    token.identity(),
                    admin.tenant(),
                    Email.of("token-" + id + "@" + IDENTITY_DOMAIN),
                    token.name(),
                    token.role(),
                    Optional.empty(),
                    false));
            ApiTokenSecret secret =
                    ApiTokenSecret.issue(admin.tenant(), secrets.randomBytes(ApiTokenSecret.ENTROPY_BYTES));
            tokens.add(token, secret.digest());
            work.record(
                    admin,
                    JournalAction.API_TOKEN_CREATED,
                    TargetKind.API_TOKEN,
                    id.value(),
                    List.of(
                            FieldChange.of("name", null, token.name()),
                            FieldChange.of("role", null, token.role().wireName())));
            return new Created(token, secret);
        });
    }

    /** Whether a person is the identity of an API token rather than a human. */
    public static boolean isTokenIdentity(Person person) {
        return person.email().value().endsWith("@" + IDENTITY_DOMAIN);
    }
}
