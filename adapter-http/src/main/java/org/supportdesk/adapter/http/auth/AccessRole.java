package org.supportdesk.adapter.http.auth;

import io.javalin.security.RouteRole;
import java.util.Set;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.ActorKind;
import org.supportdesk.domain.tenant.StaffActor;

/** Who a route is for (§17 "Who gets which status"): every route declares exactly one. */
public enum AccessRole implements RouteRole {
    /** No token needed: sign-in. */
    ANYONE,
    /** Customers on the portal. */
    CUSTOMER,
    /** Agents and admins on the desk. */
    STAFF,
    /** Admins running the tenant. */
    ADMIN;

    /** The one role a route declares; a route with none, several or a foreign one is a wiring mistake. */
    public static AccessRole declaredBy(Set<? extends RouteRole> roles) {
        if (roles.size() != 1 || !(roles.iterator().next() instanceof AccessRole role)) {
            throw new IllegalStateException("every route declares exactly one AccessRole, found " + roles);
        }
        return role;
    }

    /** Whether a signed-in actor may use a route for this role; a wrong role is 403, not 404. */
    public boolean admits(Actor actor) {
        return switch (this) {
            case ANYONE -> true;
            case CUSTOMER -> actor.kind() == ActorKind.CUSTOMER;
            case STAFF -> actor.kind() == ActorKind.STAFF;
            case ADMIN -> actor instanceof StaffActor staff && staff.isAdmin();
        };
    }
}
