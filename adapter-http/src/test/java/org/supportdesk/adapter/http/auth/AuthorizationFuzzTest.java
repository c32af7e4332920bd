package org.supportdesk.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * S15, the {@code Authorization} header: bearer extraction, JWT parsing and verification (nimbus-jose-jwt) and API
 * token lookup. Any header names nobody or a person who holds a valid token, never fails; and no edit of a valid token
 * makes it name someone else.
 */
class AuthorizationFuzzTest {
    private static final InMemorySupportdesk CORE = new InMemorySupportdesk();
    private static final TenantFixture ACME = CORE.store(new TenantFixture("acme"));
    private static final JwtTokens TOKENS = new JwtTokens(
            JwtSettings.of(
                    "fuzz-secret-that-is-long-enough-for-hs256", "supportdesk", "supportdesk-api", Optional.empty()),
            CORE.clock);
    private static final Authenticator AUTHENTICATOR = new Authenticator(
            TOKENS,
            CORE.useCases.access().identifyActor(),
            CORE.useCases.access().identifyApiToken(),
            CORE.useCases.live().redeemStreamTicket(),
            new BrowserSession(TOKENS.settings()));
    private static final StaffActor ADMIN = StaffActor.of(ACME.admin);
    private static final List<Credential> VALID = List.of(
            Credential.of(TOKENS.issue(ACME.tenant, ACME.agent.id(), Role.AGENT).token()),
            Credential.of(
                    TOKENS.issue(ACME.tenant, ACME.customer.id(), Role.CUSTOMER).token()),
            Credential.of(CORE.useCases
                    .admin()
                    .createApiToken()
                    .handle(new CreateApiToken.Command(ADMIN, "CI", Role.AGENT))
                    .secret()
                    .value()));

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"Bearer ", "bearer ", "sdt_", "eyJ", ".", "_", "-", "=", "alg", "none", "HS256", "RS256"})
    void any_header_names_nobody_or_someone_with_a_valid_token(byte[] input) {
        Optional<Actor> actor = AUTHENTICATOR.actorOf(new String(input, StandardCharsets.UTF_8));

        actor.ifPresent(
                named -> assertThat(VALID).extracting(Credential::holder).contains(named));
    }

    /** Any cut or splice of a valid token is refused or still names its own holder (a signature-neutral edit). */
    @FuzzTest(maxDuration = "10m")
    void an_edited_token_names_its_holder_or_nobody(FuzzedDataProvider data) {
        Credential valid = data.pickValue(VALID);
        String token = valid.bearer();
        int from = data.consumeInt(0, token.length());
        int to = data.consumeInt(from, token.length());
        String edited = token.substring(0, from) + data.consumeRemainingAsAsciiString() + token.substring(to);

        Optional<Actor> actor = AUTHENTICATOR.actorOf("Bearer " + edited);

        actor.ifPresent(named -> assertThat(named).isEqualTo(valid.holder()));
    }

    /** A valid bearer and whom it names. */
    private record Credential(String bearer, Actor holder) {
        static Credential of(String bearer) {
            return new Credential(
                    bearer, AUTHENTICATOR.actorOf("Bearer " + bearer).orElseThrow());
        }
    }
}
