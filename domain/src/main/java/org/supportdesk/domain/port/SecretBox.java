package org.supportdesk.domain.port;

/**
 * Seals secrets the server must read back (a webhook's signing secret) under a key the database does not hold, so
 * the rows alone do not reveal them.
 */
public interface SecretBox {
    String seal(String secret);

    /** @throws IllegalStateException when {@code sealed} was not sealed under this key */
    String open(String sealed);
}
