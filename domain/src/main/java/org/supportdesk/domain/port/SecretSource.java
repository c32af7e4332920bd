package org.supportdesk.domain.port;

/** Where secrets come from: fresh bytes from a cryptographically strong random source. */
public interface SecretSource {
    /** {@code count} fresh random bytes. */
    byte[] randomBytes(int count);
}
