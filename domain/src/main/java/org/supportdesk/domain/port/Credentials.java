package org.supportdesk.domain.port;

import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** The password hashes people sign in with, apart from everything else about them so that they never travel further. */
public interface Credentials {
    /** The stored hash of the person's password in {@code tenant}; empty when they have none or are unknown. */
    Optional<String> passwordHash(TenantId tenant, UserId person);

    /**
     * Stores the hash of a person's password in the surrounding transaction, replacing any earlier one.
     *
     * @throws IllegalArgumentException when {@code tenant} has no such person
     */
    void setPasswordHash(TenantId tenant, UserId person, String hash);
}
