package org.supportdesk.adapter.persistence;

import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.UserId;

/** Column conventions shared by the row records. */
final class Rows {
    private Rows() {}

    static Role role(String column) {
        return Role.parse(column)
                .orElseThrow(() -> new IllegalStateException("unknown role in the database: " + column));
    }

    static Language language(String column) {
        return Language.parse(column)
                .orElseThrow(() -> new IllegalStateException("unknown language in the database: " + column));
    }

    /** An author stored as id, name and role; the system has neither id nor role. */
    static Author author(UUID id, String name, String role) {
        return id == null
                ? new Author(Optional.empty(), name, Optional.empty())
                : Author.person(new UserId(id), name, role(role));
    }
}
