package org.supportdesk.adapter.http.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How tokens are signed and checked: an HMAC secret (HS256) for a standalone server, and optionally a JWKS URL whose
 * RS256/ES256 keys a host platform signs with. Issuer and audience are checked on every token.
 */
public record JwtSettings(
        byte[] secret, String issuer, String audience, Optional<String> jwksUrl, Duration lifetime, Duration skew) {
    public static final int MIN_SECRET_BYTES = 32;

    public JwtSettings {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("SUPPORTDESK_JWT_SECRET must be at least " + MIN_SECRET_BYTES
                    + " bytes of UTF-8, got " + secret.length);
        }
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(skew, "skew");
    }

    /** Settings with the secret given as text, the default one-hour lifetime and one minute of clock skew. */
    public static JwtSettings of(String secret, String issuer, String audience, Optional<String> jwksUrl) {
        return new JwtSettings(
                secret.getBytes(StandardCharsets.UTF_8),
                issuer,
                audience,
                jwksUrl,
                Duration.ofHours(1),
                Duration.ofMinutes(1));
    }
}
