package org.supportdesk.application.notify;

import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/** Whose notifications an actor reads: their own, as a customer or as staff; the system has none. */
final class Recipients {
    private Recipients() {}

    static UserId of(Actor actor) {
        return switch (actor.kind()) {
            case CUSTOMER -> ((CustomerActor) actor).id();
            case STAFF -> ((StaffActor) actor).id();
            case SYSTEM -> throw new IllegalArgumentException("the system has no notifications");
        };
    }
}
