package org.supportdesk.adapter.http.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.HttpProblem;

/**
 * The web pages' sign-in (docs/adr/0018-web-pages.md): the bearer token lives in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie no script can read, and every state-changing request that authenticates by it must
 * carry the session's CSRF token in {@link #CSRF_HEADER}. The CSRF token is an HMAC of the session token under a key
 * derived from the server's JWT secret, so any instance can check it without storing anything, and a page learns it
 * only from a same-origin read of {@code GET /api/v1/auth/session}.
 */
public final class BrowserSession {
    public static final String COOKIE = "supportdesk_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String KEY_PURPOSE = "supportdesk browser session csrf v1";

    private final byte[] csrfKey;
    private final Duration lifetime;

    public BrowserSession(JwtSettings settings) {
        this.csrfKey = hmac(settings.secret(), KEY_PURPOSE.getBytes(StandardCharsets.UTF_8));
        this.lifetime = settings.lifetime();
    }

    /** The session token a request's cookie carries, if any. */
    public Optional<String> token(Context ctx) {
        return Optional.ofNullable(ctx.cookie(COOKIE)).filter(token -> !token.isBlank());
    }

    /**
     * Refuses a state-changing request authenticated by the cookie alone: its {@link #CSRF_HEADER} must match the
     * session's CSRF token, which another site's page can neither read nor guess.
     */
    public void requireCsrfToken(Context ctx, String sessionToken) {
        if (SAFE_METHODS.contains(ctx.method().name())) {
            return;
        }
        String sent = ctx.header(CSRF_HEADER);
        byte[] expected = csrfToken(sessionToken).getBytes(StandardCharsets.UTF_8);
        if (sent == null || !MessageDigest.isEqual(expected, sent.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(
                    ApiCode.FORBIDDEN, "A change made with the browser session needs its " + CSRF_HEADER + " header");
        }
    }

    /** The answer to a page whose session is missing, expired or of a person no longer active. */
    static HttpProblem signedOut() {
        return new HttpProblem(ApiCode.UNAUTHORIZED, "Not signed in");
    }

    /** The CSRF token of a session. */
    public String csrfToken(String sessionToken) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hmac(csrfKey, sessionToken.getBytes(StandardCharsets.UTF_8)));
    }

    /** Starts a session: a freshly issued token in a cookie that expires with it. */
    public void start(Context ctx, String token) {
        ctx.cookie(cookie(ctx, token, lifetime));
    }

    /** Ends the session on this browser. */
    public void end(Context ctx) {
        ctx.cookie(cookie(ctx, "", Duration.ZERO));
    }

    private static Cookie cookie(Context ctx, String value, Duration maxAge) {
        boolean overTls =
                "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
        return new Cookie(
                COOKIE, value, "/", (int) Math.max(0, maxAge.toSeconds()), overTls, true, null, SameSite.STRICT);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
