package org.supportdesk.adapter.persistence;

import java.util.Objects;

/** The role that owns the database schema, which migrations run as, apart from the role that serves requests. */
public record SchemaOwner(String user, String password) {
    public SchemaOwner {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "SchemaOwner[" + user + "]";
    }
}
