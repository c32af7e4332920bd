package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.tenant.Person;

/** Every kind of forged or broken token gets one and the same 401 body; none gets through, none gets a 5xx. */
class ForgedTokensTest {
    private static final String OTHER_SECRET = "another-secret-that-is-long-enough-for-hs256";

    final TestServer server = new TestServer();
    final TenantFixture acme = server.core.store(new TenantFixture("acme"));
    final TenantFixture globex = server.core.store(new TenantFixture("globex"));

    @AfterEach
    void stop() {
        server.close();
    }

    JWTClaimsSet.Builder validClaims(Person person) {
        Instant now = server.core.clock.instant();
        return new JWTClaimsSet.Builder()
                .subject(person.id().toString())
                .claim("tid", person.tenant().toString())
                .claim("role", person.role().name().toLowerCase(Locale.ROOT))
                .issuer("supportdesk")
                .audience("supportdesk-api")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    String hs256(JWTClaimsSet claims, String secret, UnaryOperator<JWSHeader.Builder> header) throws Exception {
        SignedJWT jwt = new SignedJWT(
                header.apply(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT))
                        .build(),
                claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    String signed(JWTClaimsSet claims) throws Exception {
        return hs256(claims, TestServer.SECRET, h -> h);
    }

    @Test
    void twenty_kinds_of_forged_tokens_all_get_the_same_401() throws Exception {
        Person agent = acme.agent;
        Instant now = server.core.clock.instant();
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("attacker").generate();
        SignedJWT rs256 = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(),
                validClaims(agent).build());
        rs256.sign(new RSASSASigner(rsa));
        String valid = signed(validClaims(agent).build());

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", new PlainJWT(validClaims(agent).build()).serialize());
        forged.put(
                "alg none with a signature part",
                new PlainJWT(validClaims(agent).build()).serialize() + "c2ln");
        forged.put("signed with another key", hs256(validClaims(agent).build(), OTHER_SECRET, h -> h));
        forged.put("RS256 with the attacker's key (algorithm confusion)", rs256.serialize());
        forged.put("HS512 not on the allow-list", hs512(validClaims(agent).build()));
        forged.put(
                "expired beyond the skew",
                signed(validClaims(agent)
                        .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))
                        .build()));
        forged.put(
                "not valid before the future",
                signed(validClaims(agent)
                        .notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10))))
                        .build()));
        forged.put(
                "wrong audience",
                signed(validClaims(agent).audience("someone-else").build()));
        forged.put("wrong issuer", signed(validClaims(agent).issuer("evil").build()));
        forged.put("no subject", signed(validClaims(agent).subject(null).build()));
        forged.put("no tenant", signed(validClaims(agent).claim("tid", null).build()));
        forged.put("no role", signed(validClaims(agent).claim("role", null).build()));
        forged.put("no expiry", signed(validClaims(agent).expirationTime(null).build()));
        forged.put(
                "another tenant's tid",
                signed(validClaims(agent).claim("tid", globex.tenant.toString()).build()));
        forged.put(
                "role escalation",
                signed(validClaims(acme.customer).claim("role", "admin").build()));
        forged.put(
                "subject that is not an id",
                signed(validClaims(agent).subject("admin").build()));
        forged.put(
                "unknown person",
                signed(validClaims(agent).subject(UUID.randomUUID().toString()).build()));
        forged.put(
                "deactivated person", signed(validClaims(acme.deactivatedAgent).build()));
        forged.put(
                "kid path trick",
                hs256(validClaims(agent).build(), OTHER_SECRET, h -> h.keyID("../../../../dev/null")));
        forged.put(
                "jku pointing elsewhere",
                hs256(validClaims(agent).build(), OTHER_SECRET, h -> h.jwkURL(URI.create("http://127.0.0.1:1/keys"))));
        forged.put("truncated", valid.substring(0, valid.length() - 10));
        forged.put("oversized", valid + "A".repeat(10_000));
        forged.put("not base64", "!!!.???.***");
        forged.put("empty", "");

        String reference = server.get(null, "/api/v1/tickets").body();
        assertThat(server.get(valid, "/api/v1/tickets").status())
                .as("the valid token works")
                .isEqualTo(200);
        forged.forEach((kind, token) -> {
            var response = server.get(token, "/api/v1/tickets");
            assertThat(response.status()).as(kind).isEqualTo(401);
            assertThat(response.body()).as(kind).isEqualTo(reference);
        });
        assertThat(forged).hasSizeGreaterThanOrEqualTo(20);
    }

    private static String hs512(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS512)
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new MACSigner((TestServer.SECRET + TestServer.SECRET).getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void a_header_that_is_not_a_bearer_token_is_refused_the_same_way() {
        String reference = server.get(null, "/api/v1/tickets").body();
        var basic = server.send(
                null,
                "GET",
                "/api/v1/tickets",
                null,
                Map.of(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8))));

        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.body()).isEqualTo(reference);
    }
}
