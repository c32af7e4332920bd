package org.supportdesk.adapter.http.api;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.adapter.http.RequestGate;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.limits.Quota;
import org.supportdesk.adapter.http.limits.RequestLimits;
import org.supportdesk.domain.tenant.Actor;

/**
 * The gate of the API: the caller is identified first, so the request counts against their own limits (or their
 * address's when nobody signed in, which also holds back guessing of tokens), then admitted by role. Answers that
 * never reached a route count against their address, so every answer shows a quota.
 */
final class AdmissionGate implements RequestGate {
    private final Authenticator authenticator;
    private final RequestLimits limits;

    AdmissionGate(Authenticator authenticator, RequestLimits limits) {
        this.authenticator = authenticator;
        this.limits = limits;
    }

    @Override
    public void admit(Context ctx) {
        Optional<Actor> actor = authenticator.identify(ctx);
        limits.rates().charge(actor, limits.addresses().of(ctx)).offer(ctx);
        authenticator.admit(ctx, actor);
    }

    @Override
    public void answered(Context ctx) {
        if (ctx.res().getHeader(Quota.LIMIT) == null) {
            limits.rates().count(limits.addresses().of(ctx)).offer(ctx);
        }
    }

    @Override
    public Map<String, String> refused(String peer, String forwardedFor) {
        return limits.rates().count(limits.addresses().of(peer, forwardedFor)).headers();
    }
}
