package org.supportdesk.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * Issues and verifies bearer tokens with nimbus-jose-jwt (§12). Verification accepts only HS256 with our secret or,
 * when a JWKS URL is configured, RS256/ES256 with the platform's keys; it requires {@code sub}, {@code tid},
 * {@code role}, {@code exp}, the configured {@code iss} and {@code aud}, and honours {@code exp}/{@code nbf} within the
 * configured skew. Everything else, unsigned tokens included, is refused. Verification does no key derivation: the
 * keys are built once.
 */
public final class JwtTokens {
    private static final Set<String> REQUIRED_CLAIMS = Set.of("sub", "tid", "role", "exp", "iat");
    private static final int MAX_TOKEN_LENGTH = 8_192;

    private final JwtSettings settings;
    private final InstantSource clock;
    private final MACSigner signer;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final VerifiedTokens verified = new VerifiedTokens();

    public JwtTokens(JwtSettings settings, InstantSource clock) {
        this.settings = settings;
        this.clock = clock;
        try {
            this.signer = new MACSigner(settings.secret());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable JWT secret", e);
        }
        this.processor = processor(settings, clock);
    }

    /** How tokens are signed and checked. */
    public JwtSettings settings() {
        return settings;
    }

    /** A signed token for a signed-in person, valid for the configured lifetime. */
    public IssuedToken issue(TenantId tenant, UserId person, Role role) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.lifetime());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(person.toString())
                .claim("tid", tenant.toString())
                .claim("role", role.wireName())
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), expires.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The claims of a valid token; empty for anything else, whatever is wrong with it. */
    public Optional<TokenClaims> verify(String token) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<TokenClaims> kept = verified.find(token, now);
        if (kept.isPresent()) {
            return kept;
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = processor.process(jwt, null);
            TokenClaims verifiedClaims = new TokenClaims(
                    new TenantId(UUID.fromString(claims.getStringClaim("tid"))),
                    new UserId(UUID.fromString(claims.getSubject())),
                    Role.parse(claims.getStringClaim("role")).orElseThrow());
            if (JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                verified.keep(
                        token,
                        verifiedClaims,
                        now,
                        claims.getExpirationTime()
                                .toInstant()
                                .plusSeconds(settings.skew().toSeconds()));
            }
            return Optional.of(verifiedClaims);
        } catch (Exception refused) {
            // Any failure, parse, signature, claims or a malformed value, is the same refusal.
            return Optional.empty();
        }
    }

    /** A token and when it expires. */
    public record IssuedToken(String token, Instant expiresAt) {}

    private static DefaultJWTProcessor<SecurityContext> processor(JwtSettings settings, InstantSource clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        JWSKeySelector<SecurityContext> hmac =
                new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(settings.secret()));
        Optional<JWSKeySelector<SecurityContext>> platform = settings.jwksUrl().map(JwtTokens::jwksSelector);
        processor.setJWSKeySelector((header, context) -> {
            if (JWSAlgorithm.HS256.equals(header.getAlgorithm())) {
                return hmac.selectJWSKeys(header, context);
            }
            return platform.isPresent() ? platform.get().selectJWSKeys(header, context) : List.of();
        });
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(
                        settings.audience(),
                        new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                        REQUIRED_CLAIMS) {
                    @Override
                    protected Date currentTime() {
                        return Date.from(clock.instant());
                    }
                };
        claims.setMaxClockSkew((int) settings.skew().toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    private static JWSKeySelector<SecurityContext> jwksSelector(String url) {
        try {
            JWKSource<SecurityContext> keys =
                    JWKSourceBuilder.create(URI.create(url).toURL()).build();
            return new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys);
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("SUPPORTDESK_JWKS_URL is not a URL: " + url, e);
        }
    }
}
