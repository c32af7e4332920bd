package org.supportdesk.adapter.notify.email;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The mail server our mail goes out through ({@code SUPPORTDESK_SMTP_*}, docs/operations.md).
 *
 * @param user the sign-in name, when the server asks for one (then with {@code password})
 * @param timeout the bound of each exchange with the server: connecting, and every read and write
 */
public record SmtpServer(
        String host, int port, Security security, Optional<String> user, Optional<String> password, Duration timeout) {

    /** How the connection is protected: not at all, upgraded with STARTTLS (required), or TLS from the start. */
    public enum Security {
        NONE,
        STARTTLS,
        TLS
    }

    public SmtpServer {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1 to 65535");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Without the password: it is never printed or logged. */
    @Override
    public String toString() {
        return "SmtpServer[" + host + ":" + port + ", security=" + security + ", user=" + user.orElse("none")
                + ", timeout=" + timeout + "]";
    }
}
