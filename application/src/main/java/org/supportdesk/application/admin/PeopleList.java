package org.supportdesk.application.admin;

import java.util.EnumSet;
import java.util.Set;
import org.supportdesk.domain.tenant.Role;

/** The two lists of people an admin manages (§10): customers, and staff (agents and admins). */
public enum PeopleList {
    CUSTOMERS(EnumSet.of(Role.CUSTOMER)),
    STAFF(EnumSet.of(Role.AGENT, Role.ADMIN));

    private final Set<Role> roles;

    PeopleList(Set<Role> roles) {
        this.roles = roles;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public boolean includes(Role role) {
        return roles.contains(role);
    }
}
