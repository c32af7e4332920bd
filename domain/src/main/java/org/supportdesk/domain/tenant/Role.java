package org.supportdesk.domain.tenant;

import java.util.Locale;
import java.util.Optional;

/** What a person may do inside their tenant (§2). */
public enum Role {
    CUSTOMER,
    AGENT,
    ADMIN;

    public boolean isStaff() {
        return this != CUSTOMER;
    }

    /** The role's name in JSON, tokens and storage: {@code customer}, {@code agent} or {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with that wire name; empty for anything else. */
    public static Optional<Role> parse(String raw) {
        for (Role role : values()) {
            if (role.wireName().equals(raw)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
