package org.supportdesk.bootstrap;

import java.time.Duration;
import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.adapter.http.notify.EmailChannelEndpoints;
import org.supportdesk.adapter.notify.HttpWebhookTransport;
import org.supportdesk.adapter.notify.PublicAddressGuard;
import org.supportdesk.adapter.notify.email.AngusMailParser;
import org.supportdesk.adapter.notify.email.ImapMailboxes;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalAttachmentStore;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.ids.TimeOrderedIds;

/**
 * The core over PostgreSQL: the stores, and every use case composed over them with Argon2id, strong randomness and
 * attachment bytes on local disk under the configured directory, webhooks over the JDK HTTP client behind the SSRF
 * guard, received mail parsed and tenants' IMAP mailboxes read with Angus Mail;
 * {@code correlation} is the id of the request or job each thread serves, which the driving adapters begin and end.
 */
record Core(JdbiStores stores, ThreadCorrelation correlation, UseCases useCases) {
    /** How long connecting to, or one read from, a tenant's IMAP server may take. */
    static final Duration IMAP_TIMEOUT = Duration.ofSeconds(30);

    static Core over(Jdbi jdbi, InstantSource clock, Config config) {
        JdbiStores stores = JdbiStores.over(jdbi, clock);
        ThreadCorrelation correlation = new ThreadCorrelation();
        PublicAddressGuard guard = new PublicAddressGuard(config.notifications().allowPrivateTargets());
        UseCases useCases = UseCases.over(
                stores.ports(
                        BoundedHashing.sizedFor(new Password4jHashing(), Password4jHashing.MEMORY_BYTES),
                        new SecureRandomSecrets(),
                        LocalAttachmentStore.under(config.attachmentsRoot()),
                        new HttpWebhookTransport(config.notifications().webhookTimeout(), guard),
                        guard,
                        config.secretBox(),
                        new AngusMailParser(),
                        new ImapMailboxes(IMAP_TIMEOUT, EmailChannelEndpoints.MAX_MAIL_BYTES)),
                config.channelOptions(),
                new TimeOrderedIds(clock),
                correlation,
                clock);
        return new Core(stores, correlation, useCases);
    }
}
