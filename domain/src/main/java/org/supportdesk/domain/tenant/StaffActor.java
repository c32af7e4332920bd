package org.supportdesk.domain.tenant;

import java.util.Objects;

/** An agent or admin working the tenant's desk. */
public record StaffActor(TenantId tenant, UserId id, String name, Role role) implements Actor {
    public StaffActor {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (role == null || !role.isStaff()) {
            throw new IllegalArgumentException("staff are agents or admins, not " + role);
        }
    }

    /** The actor for a staff person. */
    public static StaffActor of(Person staff) {
        return new StaffActor(staff.tenant(), staff.id(), staff.name(), staff.role());
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public ActorKind kind() {
        return ActorKind.STAFF;
    }

    @Override
    public Author asAuthor() {
        return Author.person(id, name, role);
    }
}
