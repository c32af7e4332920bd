package org.supportdesk.adapter.http.auth;

import io.javalin.security.RouteRole;
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
