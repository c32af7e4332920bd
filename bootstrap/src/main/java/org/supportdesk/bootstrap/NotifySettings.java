package org.supportdesk.bootstrap;

import java.time.Duration;
import java.util.Optional;
import org.supportdesk.application.notify.DispatchPolicy;

/**
 * The outbox dispatcher's and the webhooks channel's server settings (docs/operations.md, docs/notifications.md).
 *
 * @param allowPrivateTargets {@code SUPPORTDESK_WEBHOOKS_ALLOW_PRIVATE_TARGETS}: webhooks may reach loopback and
 *     private addresses (a private network, tests); false by default
 * @param webhookTimeout {@code SUPPORTDESK_WEBHOOKS_TIMEOUT_SECONDS}: connect and answer timeout of one attempt
 * @param secretsKey {@code SUPPORTDESK_SECRETS_KEY}: what webhook secrets are sealed under; empty means "generate one
 *     and keep it under the data directory"
 * @param pollInterval {@code SUPPORTDESK_OUTBOX_POLL_MILLIS}: how often each dispatcher worker looks for work
 * @param workers {@code SUPPORTDESK_OUTBOX_WORKERS}: dispatcher threads per server instance
 * @param policy attempts ({@code SUPPORTDESK_OUTBOX_MAX_ATTEMPTS}), first backoff
 *     ({@code SUPPORTDESK_OUTBOX_BACKOFF_MILLIS}) and its cap ({@code SUPPORTDESK_OUTBOX_MAX_BACKOFF_SECONDS}, which
 *     bounds how long after a peer comes back its deliveries wait); the lease outlasts a webhook attempt and, when
 *     email is a channel, an SMTP attempt
 * @param retention {@code SUPPORTDESK_OUTBOX_RETENTION_DAYS}: sent and parked deliveries are purged after this
 */
public record NotifySettings(
        boolean allowPrivateTargets,
        Duration webhookTimeout,
        Optional<String> secretsKey,
        Duration pollInterval,
        int workers,
        DispatchPolicy policy,
        Duration retention) {
    public static final String ALLOW_PRIVATE_TARGETS = "SUPPORTDESK_WEBHOOKS_ALLOW_PRIVATE_TARGETS";
    public static final String WEBHOOK_TIMEOUT = "SUPPORTDESK_WEBHOOKS_TIMEOUT_SECONDS";
    public static final String SECRETS_KEY = "SUPPORTDESK_SECRETS_KEY";
    public static final String POLL_MILLIS = "SUPPORTDESK_OUTBOX_POLL_MILLIS";
    public static final String WORKERS = "SUPPORTDESK_OUTBOX_WORKERS";
    public static final String MAX_ATTEMPTS = "SUPPORTDESK_OUTBOX_MAX_ATTEMPTS";
    public static final String BACKOFF_MILLIS = "SUPPORTDESK_OUTBOX_BACKOFF_MILLIS";
    public static final String MAX_BACKOFF_SECONDS = "SUPPORTDESK_OUTBOX_MAX_BACKOFF_SECONDS";
    public static final String RETENTION_DAYS = "SUPPORTDESK_OUTBOX_RETENTION_DAYS";

    /** The file a generated secrets key is kept in, under the data directory. */
    public static final String KEY_FILE_NAME = "secrets.key";

    /**
     * The exchanges of one SMTP attempt, each bounded by the SMTP timeout: connect, greeting, EHLO, STARTTLS and EHLO
     * again, up to three for a sign-in, MAIL, RCPT, DATA, the body's writes and the end of data, QUIT; with room.
     */
    static final int SMTP_EXCHANGES = 16;

    /** A webhook attempt's lease: its timeout, plus room for signing, the guard's DNS look-up and a slow commit. */
    static Duration leaseFor(Duration webhookTimeout) {
        return webhookTimeout.multipliedBy(2).plusSeconds(10);
    }

    /** The lease when email is a channel too: it outlasts the longer of a webhook attempt and an SMTP attempt. */
    static Duration leaseFor(Duration webhookTimeout, Duration smtpTimeout) {
        Duration mail = smtpTimeout.multipliedBy(SMTP_EXCHANGES).plusSeconds(10);
        Duration webhook = leaseFor(webhookTimeout);
        return mail.compareTo(webhook) > 0 ? mail : webhook;
    }

    /** Without the key: it is never printed or logged. */
    @Override
    public String toString() {
        return "NotifySettings[allowPrivateTargets=" + allowPrivateTargets + ", webhookTimeout=" + webhookTimeout
                + ", secretsKey=" + (secretsKey.isPresent() ? "(set)" : "(kept)") + ", pollInterval=" + pollInterval
                + ", workers=" + workers + ", policy=" + policy + ", retention=" + retention + "]";
    }
}
