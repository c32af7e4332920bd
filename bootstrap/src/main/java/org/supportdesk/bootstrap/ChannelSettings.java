package org.supportdesk.bootstrap;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The email and Telegram channels' server settings (docs/operations.md, docs/notifications.md). Without
 * {@value #SMTP_HOST} email is not a channel: nothing is queued for it.
 *
 * @param publicUrl {@code SUPPORTDESK_PUBLIC_URL}: where people reach the server from outside (portal links in mail and
 *     Telegram messages, Telegram's webhook); empty means the local address it listens on
 * @param smtp the outgoing mail server, when email is a channel
 * @param mailFrom {@code SUPPORTDESK_MAIL_FROM}: the sender of outgoing mail; its domain names our {@code Message-ID}s
 * @param telegramApiUrl {@code SUPPORTDESK_TELEGRAM_API_URL}: the Bot API's base URL (a local fake in tests)
 * @param imapPollInterval {@code SUPPORTDESK_IMAP_POLL_SECONDS}: how often tenants' IMAP mailboxes are read
 * @param changeRetention {@code SUPPORTDESK_CHANGES_RETENTION_DAYS}: how long change-feed events are kept, so how long a
 *     reader may be away and still resume exactly (docs/live-events.md)
 */
public record ChannelSettings(
        Optional<URI> publicUrl,
        Optional<Smtp> smtp,
        Optional<String> mailFrom,
        URI telegramApiUrl,
        Duration imapPollInterval,
        Duration changeRetention) {
    public static final String PUBLIC_URL = "SUPPORTDESK_PUBLIC_URL";
    public static final String SMTP_HOST = "SUPPORTDESK_SMTP_HOST";
    public static final String SMTP_PORT = "SUPPORTDESK_SMTP_PORT";
    public static final String SMTP_USER = "SUPPORTDESK_SMTP_USER";
    public static final String SMTP_PASSWORD = "SUPPORTDESK_SMTP_PASSWORD";
    public static final String SMTP_SECURITY = "SUPPORTDESK_SMTP_SECURITY";
    public static final String SMTP_TIMEOUT = "SUPPORTDESK_SMTP_TIMEOUT_SECONDS";
    public static final String MAIL_FROM = "SUPPORTDESK_MAIL_FROM";
    public static final String TELEGRAM_API_URL = "SUPPORTDESK_TELEGRAM_API_URL";
    public static final String IMAP_POLL_SECONDS = "SUPPORTDESK_IMAP_POLL_SECONDS";
    public static final String CHANGES_RETENTION_DAYS = "SUPPORTDESK_CHANGES_RETENTION_DAYS";
    public static final Duration DEFAULT_CHANGE_RETENTION = Duration.ofDays(30);

    public static final URI DEFAULT_TELEGRAM_API_URL = URI.create("https://api.telegram.org");

    /** How the connection to the mail server is protected ({@value #SMTP_SECURITY}: none, starttls, tls). */
    public enum Security {
        NONE,
        STARTTLS,
        TLS;

        static Optional<Security> parse(String raw) {
            for (Security security : values()) {
                if (security.name().equalsIgnoreCase(raw)) {
                    return Optional.of(security);
                }
            }
            return Optional.empty();
        }

        /** The port a mail server listens on for this kind of connection, when none is configured. */
        int defaultPort() {
            return switch (this) {
                case NONE -> 25;
                case STARTTLS -> 587;
                case TLS -> 465;
            };
        }

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The outgoing mail server; user and password only when it asks for a sign-in.
     *
     * @param timeout {@value #SMTP_TIMEOUT}: the bound of connecting and of each read and write
     */
    public record Smtp(
            String host,
            int port,
            Optional<String> user,
            Optional<String> password,
            Security security,
            Duration timeout) {
        /** Without the password: it is never printed or logged. */
        @Override
        public String toString() {
            return "Smtp[" + host + ":" + port + ", security=" + security.wireName() + ", user=" + user.orElse("none")
                    + ", password=" + (password.isPresent() ? "(set)" : "none") + ", timeout=" + timeout + "]";
        }
    }
}
