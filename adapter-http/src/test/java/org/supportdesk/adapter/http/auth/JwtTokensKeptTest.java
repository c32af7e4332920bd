package org.supportdesk.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * Our own tokens, once verified, are kept ({@link VerifiedTokens}) without changing any answer: a kept token is refused
 * from the same instant the full check would refuse it, a clock that goes back is not trusted with it, and a token
 * that differs by one character is checked in full.
 */
class JwtTokensKeptTest {
    private static final Instant ISSUED = Instant.parse("2026-03-02T09:00:00Z");
    private final AtomicReference<Instant> now = new AtomicReference<>(ISSUED);
    private final JwtTokens tokens = new JwtTokens(
            JwtSettings.of(
                    "our-own-secret-that-is-long-enough-for-hs256", "supportdesk", "supportdesk-api", Optional.empty()),
            now::get);
    private final TokenClaims claims =
            new TokenClaims(new TenantId(UUID.randomUUID()), new UserId(UUID.randomUUID()), Role.AGENT);

    private String issued() {
        return tokens.issue(claims.tenant(), claims.person(), claims.role()).token();
    }

    @Test
    void a_verified_token_is_accepted_until_the_full_check_would_refuse_it_and_not_an_instant_longer() {
        String token = issued();
        JwtSettings settings = tokens.settings();
        Instant lastValid =
                ISSUED.plus(settings.lifetime()).plus(settings.skew()).minusMillis(1);

        assertThat(tokens.verify(token)).contains(claims);
        now.set(lastValid);
        assertThat(tokens.verify(token)).contains(claims);
        now.set(lastValid.plusMillis(1));
        assertThat(tokens.verify(token)).isEmpty();
        assertThat(new JwtTokens(settings, now::get).verify(token))
                .as("the full check agrees")
                .isEmpty();
    }

    @Test
    void a_clock_that_goes_back_before_the_token_was_valid_gets_the_full_check() {
        String token = issued();
        assertThat(tokens.verify(token)).contains(claims);

        now.set(ISSUED.minus(tokens.settings().skew()).minus(Duration.ofMinutes(5)));

        assertThat(tokens.verify(token)).as("not yet valid").isEmpty();
    }

    @Test
    void a_token_altered_after_its_original_was_kept_is_refused() {
        String token = issued();
        assertThat(tokens.verify(token)).contains(claims);
        // A character inside the signature (the last one may carry unused bits that decode to the same bytes).
        int inside = token.length() - 10;
        String altered =
                token.substring(0, inside) + (token.charAt(inside) == 'A' ? 'B' : 'A') + token.substring(inside + 1);

        assertThat(tokens.verify(altered)).isEmpty();
        assertThat(tokens.verify(token)).contains(claims);
    }

    @Test
    void past_its_capacity_the_cache_starts_again_and_every_token_still_verifies() {
        String first = issued();
        assertThat(tokens.verify(first)).contains(claims);
        for (int i = 0; i < VerifiedTokens.CAPACITY; i++) {
            now.set(ISSUED.plusMillis(i + 1));
            assertThat(tokens.verify(issued())).isPresent();
        }

        assertThat(tokens.verify(first)).contains(claims);
    }
}
