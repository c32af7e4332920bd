package org.supportdesk.domain.mail;

import java.util.Objects;

/**
 * The mailbox a tenant's support mail is read from; the password stays sealed ({@link
 * org.supportdesk.domain.port.SecretBox}) and only the poller opens it.
 */
public record ImapAccount(
        String host, int port, ImapSecurity security, String username, String sealedPassword, String folder) {
    public ImapAccount {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sealedPassword, "sealedPassword");
        Objects.requireNonNull(folder, "folder");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is 1 to 65535");
        }
    }

    /** Without the sealed password: it is never printed or logged. */
    @Override
    public String toString() {
        return "ImapAccount[" + username + "@" + host + ":" + port + "/" + folder + ", " + security.wireName() + "]";
    }
}
