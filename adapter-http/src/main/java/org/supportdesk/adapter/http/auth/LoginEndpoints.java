package org.supportdesk.adapter.http.auth;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.HttpProblem;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.limits.LoginThrottle;
import org.supportdesk.adapter.http.limits.RequestLimits;
import org.supportdesk.application.access.SignIn;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Person;

/**
 * Sign-in (§12): {@code POST /api/v1/auth/login {tenant, email, password}} answers a bearer token. Every failure,
 * whatever it was, is the same 401. Attempts are throttled per account and per client address ({@link LoginThrottle}),
 * counted before the password is checked, with the tighter quota in the {@code RateLimit-*} headers and
 * {@code Retry-After} on a 429.
 */
public final class LoginEndpoints implements Endpoints {
    private final SignIn signIn;
    private final JwtTokens tokens;
    private final RequestLimits limits;
    private final Requests requests;

    public LoginEndpoints(SignIn signIn, JwtTokens tokens, RequestLimits limits, Requests requests) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.limits = limits;
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
        String address = limits.addresses().of(ctx);
        LoginThrottle throttle = limits.logins();
        LoginThrottle.Attempt attempt = throttle.reserve(tenant, email, address);
        if (!attempt.allowed()) {
            throw attempt.quota()
                    .refusal(
                            "Too many sign-in attempts; try again in "
                                    + attempt.quota().resetSeconds() + " seconds",
                            attempt.quota().resetSeconds());
        }
        Optional<Person> signedIn;
        try {
            signedIn = signIn.handle(new SignIn.Command(tenant, email, password));
        } catch (RuntimeException unchecked) { // no password was checked (the store or the hashing was unavailable)
            throttle.refund(attempt);
            throw unchecked;
        }
        if (signedIn.isEmpty()) {
            attempt.quota().offer(ctx);
            throw new HttpProblem(ApiCode.UNAUTHORIZED, "The tenant, email or password is wrong");
        }
        throttle.succeeded(attempt, address);
        Person person = signedIn.get();
        JwtTokens.IssuedToken issued = tokens.issue(person.tenant(), person.id(), person.role());
        ctx.json(new LoginResponse(issued.token(), issued.expiresAt()));
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
