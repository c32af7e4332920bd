package org.supportdesk.domain.port;

import org.supportdesk.domain.tenant.Password;

/**
 * A slow, salted password hash from a maintained key-derivation library (§12). Only sign-in and setting a password call
 * it, never the per-request path.
 */
public interface PasswordHashing {
    /** A self-describing hash of {@code password} (algorithm, parameters and salt included), fit to store. */
    String hash(Password password);

    /** Whether {@code password} matches a hash made by {@link #hash}; false for any hash it cannot read. */
    boolean verify(String password, String hash);
}
