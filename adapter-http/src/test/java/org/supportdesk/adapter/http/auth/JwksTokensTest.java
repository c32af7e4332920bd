package org.supportdesk.adapter.http.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** A host platform's RS256 and ES256 tokens are verified against its JWKS; keys it does not publish are refused. */
class JwksTokensTest {
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-03-02T09:00:00Z"));
    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final UserId person = new UserId(UUID.randomUUID());
    private RSAKey rsa;
    private ECKey ec;
    private HttpServer jwks;
    private JwtTokens tokens;

    @BeforeEach
    void publishKeys() throws Exception {
        rsa = new RSAKeyGenerator(2048).keyID("platform-rsa").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("platform-ec").generate();
        byte[] document = new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK()))
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        jwks.createContext("/.well-known/jwks.json", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            exchange.getResponseBody().write(document);
            exchange.close();
        });
        jwks.start();
        String url = "http://127.0.0.1:" + jwks.getAddress().getPort() + "/.well-known/jwks.json";
        tokens = new JwtTokens(
                JwtSettings.of(
                        "our-own-secret-that-is-long-enough-for-hs256",
                        "platform",
                        "supportdesk-api",
                        Optional.of(url)),
                clock);
    }

    @AfterEach
    void stop() {
        jwks.stop(0);
    }

    private String token(JWSAlgorithm algorithm, String keyId, JWSSigner signer) throws Exception {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(person.toString())
                .claim("tid", tenant.toString())
                .claim("role", "agent")
                .issuer("platform")
                .audience("supportdesk-api")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm)
                        .keyID(keyId)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    @Test
    void rs256_and_es256_tokens_signed_with_the_platforms_keys_are_accepted() throws Exception {
        TokenClaims expected = new TokenClaims(tenant, person, Role.AGENT);

        assertThat(tokens.verify(token(JWSAlgorithm.RS256, "platform-rsa", new RSASSASigner(rsa))))
                .contains(expected);
        assertThat(tokens.verify(token(JWSAlgorithm.ES256, "platform-ec", new ECDSASigner(ec))))
                .contains(expected);
    }

    @Test
    void a_key_the_platform_does_not_publish_is_refused() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("platform-rsa").generate();

        assertThat(tokens.verify(token(JWSAlgorithm.RS256, "platform-rsa", new RSASSASigner(stranger))))
                .isEmpty();
        assertThat(tokens.verify(token(JWSAlgorithm.RS384, "platform-rsa", new RSASSASigner(rsa))))
                .isEmpty();
    }

    @Test
    void our_own_hs256_tokens_still_work_beside_the_platforms() throws IOException {
        String ours = tokens.issue(tenant, person, Role.ADMIN).token();

        assertThat(tokens.verify(ours)).contains(new TokenClaims(tenant, person, Role.ADMIN));
    }
}
