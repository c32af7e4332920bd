package org.supportdesk.adapter.http.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.HttpProblem;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.application.access.SignIn;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Person;

/**
 * Sign-in (§12): {@code POST /api/v1/auth/login {tenant, email, password}} answers a bearer token. Every failure,
 * whatever it was, is the same 401; repeated failures are throttled per account and per client address, checked
 * before the password, with {@code RateLimit-*} headers on every answer and {@code Retry-After} on a 429.
 */
public final class LoginEndpoints implements Endpoints {
    private final SignIn signIn;
    private final JwtTokens tokens;
    private final LoginThrottle throttle;
    private final Requests requests;

    public LoginEndpoints(SignIn signIn, JwtTokens tokens, LoginThrottle throttle, Requests requests) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.throttle = throttle;
        this.requests = requests;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/login", this::login, AccessRole.ANYONE);
    }

    record LoginRequest(String tenant, String email, String password) {}

    record LoginResponse(String token, Instant expiresAt) {}

    void login(Context ctx) {
        LoginRequest body = requests.body(ctx, LoginRequest.class);
        FieldReader fields = new FieldReader();
        String tenant = fields.required("tenant", fields.read("tenant", () -> text(body.tenant())));
        String email = fields.required("email", fields.read("email", () -> text(body.email())));
        String password = fields.required("password", fields.read("password", () -> text(body.password())));
        fields.done();
        String address = ctx.ip();
        LoginThrottle.Decision before = throttle.check(tenant, email, address);
        if (!before.allowed()) {
            throw new HttpProblem(
                    ApiCode.RATE_LIMITED,
                    "Too many failed sign-ins; try again in " + before.resetSeconds() + " seconds",
                    List.of(),
                    Map.of(
                            "Retry-After", Long.toString(before.resetSeconds()),
                            "RateLimit-Limit", Integer.toString(before.limit()),
                            "RateLimit-Remaining", "0",
                            "RateLimit-Reset", Long.toString(before.resetSeconds())));
        }
        var signedIn = signIn.handle(new SignIn.Command(tenant, email, password));
        if (signedIn.isEmpty()) {
            throttle.failed(tenant, email, address);
            LoginThrottle.Decision after = throttle.check(tenant, email, address);
            throw new HttpProblem(
                    ApiCode.UNAUTHORIZED, "The tenant, email or password is wrong", List.of(), headers(after));
        }
        throttle.succeeded(tenant, email);
        headers(throttle.check(tenant, email, address)).forEach(ctx::header);
        Person person = signedIn.get();
        JwtTokens.IssuedToken issued = tokens.issue(person.tenant(), person.id(), person.role());
        ctx.header("Cache-Control", "no-store");
        ctx.json(new LoginResponse(issued.token(), issued.expiresAt()));
    }

    private static Map<String, String> headers(LoginThrottle.Decision decision) {
        return Map.of(
                "RateLimit-Limit", Integer.toString(decision.limit()),
                "RateLimit-Remaining", Integer.toString(decision.remaining()),
                "RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    private static String text(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() > 1_024) {
            throw ValidationFailed.of("value", "is too long");
        }
        return raw;
    }
}
