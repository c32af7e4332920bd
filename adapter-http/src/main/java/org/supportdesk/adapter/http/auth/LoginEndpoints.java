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
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Sign-in (§12): {@code POST /api/v1/auth/login {tenant, email, password}} answers a bearer token. The web pages sign
 * in with {@code POST /api/v1/auth/session} instead, which keeps the token in a {@link BrowserSession} cookie and answers
 * the session's CSRF token; {@code GET} tells a page who is signed in (and the CSRF token again), {@code DELETE} signs
 * out. Every failure, whatever it was, is the same 401. Attempts are throttled per account and per client address ({@link LoginThrottle}),
 * counted before the password is checked, with the tighter quota in the {@code RateLimit-*} headers and
 * {@code Retry-After} on a 429.
 */
public final class LoginEndpoints implements Endpoints {
    private final SignIn signIn;
    private final JwtTokens tokens;
    private final RequestLimits limits;
    private final Requests requests;
    private final BrowserSession session;
    private final Authenticator authenticator;

    public LoginEndpoints(
            SignIn signIn,
            JwtTokens tokens,
            RequestLimits limits,
            Requests requests,
            BrowserSession session,
            Authenticator authenticator) {
        this.signIn = signIn;
        this.tokens = tokens;
        this.limits = limits;
        this.requests = requests;
        this.session = session;
        this.authenticator = authenticator;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/login", this::login, AccessRole.ANYONE);
        routes.post(SESSION, this::startSession, AccessRole.ANYONE);
        routes.get(SESSION, this::readSession, AccessRole.ANYONE);
        routes.delete(SESSION, this::endSession, AccessRole.ANYONE);
    }

    static final String SESSION = "/api/v1/auth/session";

    record LoginRequest(String tenant, String email, String password) {}

    record LoginResponse(String token, Instant expiresAt) {}

    record SessionPerson(String id, String name, String role) {}

    record SessionResponse(String csrfToken, String tenantId, SessionPerson person) {}

    void login(Context ctx) {
        Person person = signIn(ctx);
        JwtTokens.IssuedToken issued = tokens.issue(person.tenant(), person.id(), person.role());
        ctx.json(new LoginResponse(issued.token(), issued.expiresAt()));
    }

    void startSession(Context ctx) {
        Person person = signIn(ctx);
        JwtTokens.IssuedToken issued = tokens.issue(person.tenant(), person.id(), person.role());
        session.start(ctx, issued.token());
        ctx.json(new SessionResponse(
                session.csrfToken(issued.token()),
                person.tenant().toString(),
                new SessionPerson(
                        person.id().toString(), person.name(), person.role().wireName())));
    }

    void readSession(Context ctx) {
        String token = session.token(ctx).orElseThrow(BrowserSession::signedOut);
        Actor actor = authenticator.actorOf("Bearer " + token).orElseThrow(BrowserSession::signedOut);
        ctx.json(new SessionResponse(session.csrfToken(token), actor.tenant().toString(), personOf(actor)));
    }

    void endSession(Context ctx) {
        session.end(ctx);
        ctx.status(204);
    }

    private static SessionPerson personOf(Actor actor) {
        if (actor instanceof CustomerActor customer) {
            return new SessionPerson(customer.id().toString(), customer.name(), Role.CUSTOMER.wireName());
        }
        if (actor instanceof StaffActor staff) {
            return new SessionPerson(
                    staff.id().toString(), staff.name(), staff.role().wireName());
        }
        throw BrowserSession.signedOut();
    }

    /** The person the request's credentials name, throttled; refused alike for every wrong credential. */
    private Person signIn(Context ctx) {
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
        return signedIn.get();
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
