package org.supportdesk.domain.tenant;

import java.util.Objects;
import java.util.Optional;

/** How an actor is recorded on a message or journal entry; the system has neither id nor role. */
public record Author(Optional<UserId> id, String name, Optional<Role> role) {
    public static final Author SYSTEM = new Author(Optional.empty(), "Supportdesk", Optional.empty());

    public Author {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        if (id.isPresent() != role.isPresent()) {
            throw new IllegalArgumentException("a person has both id and role; the system has neither");
        }
    }

    public static Author person(UserId id, String name, Role role) {
        return new Author(Optional.of(id), name, Optional.of(role));
    }

    public boolean isSystem() {
        return id.isEmpty();
    }

    public boolean isStaff() {
        return role.map(Role::isStaff).orElse(false);
    }
}
