package org.supportdesk.bootstrap;

import java.time.Duration;
import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.adapter.http.notify.EmailChannelEndpoints;
import org.supportdesk.adapter.notify.HttpWebhookTransport;
import org.supportdesk.adapter.notify.PublicAddressGuard;
import org.supportdesk.adapter.notify.email.AngusMailParser;
import org.supportdesk.adapter.notify.email.ImapMailboxes;
import org.supportdesk.adapter.notify.email.SmtpMailTransport;
import org.supportdesk.adapter.notify.email.SmtpServer;
import org.supportdesk.adapter.notify.telegram.HttpTelegramBotApi;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalAttachmentStore;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.notify.ChannelOptions;

/**
 * The core over PostgreSQL: the stores, and every use case composed over them with Argon2id, strong randomness and
 * attachment bytes on local disk under the configured directory, webhooks over the JDK HTTP client behind the SSRF
 * guard, the Telegram Bot API at the configured base URL (within the webhook timeout, which the dispatcher's lease
 * outlasts), mail over SMTP when a mail server is configured, received mail parsed and tenants' IMAP mailboxes read
 * with Angus Mail;
 * {@code correlation} is the id of the request or job each thread serves, which the driving adapters begin and end.
 */
record Core(JdbiStores stores, ThreadCorrelation correlation, UseCases useCases) {
    /** How long connecting to, or one read from, a tenant's IMAP server may take. */
    static final Duration IMAP_TIMEOUT = Duration.ofSeconds(30);

    static Core over(Jdbi jdbi, InstantSource clock, Config config) {
        return over(jdbi, clock, config, new ThreadCorrelation());
    }

    /** The core whose requests and jobs carry their ids in {@code correlation}. */
    static Core over(Jdbi jdbi, InstantSource clock, Config config, ThreadCorrelation correlation) {
        JdbiStores stores = JdbiStores.over(jdbi, clock);
        PublicAddressGuard guard = new PublicAddressGuard(config.notifications().allowPrivateTargets());
        UseCases useCases = UseCases.over(
                stores.ports(
                        BoundedHashing.sizedFor(new Password4jHashing(), Password4jHashing.MEMORY_BYTES),
                        new SecureRandomSecrets(),
                        LocalAttachmentStore.under(config.attachmentsRoot()),
                        new HttpWebhookTransport(config.notifications().webhookTimeout(), guard),
                        guard,
                        config.secretBox(),
                        new HttpTelegramBotApi(
                                config.channels().telegramApiUrl(),
                                config.notifications().webhookTimeout()),
                        new AngusMailParser(),
                        new ImapMailboxes(IMAP_TIMEOUT, EmailChannelEndpoints.MAX_MAIL_BYTES)),
                channelOptions(config, clock),
                new TimeOrderedIds(clock),
                correlation,
                clock);
        return new Core(stores, correlation, useCases);
    }

    /** The configured channel options, sending mail through the configured server if there is one. */
    private static ChannelOptions channelOptions(Config config, InstantSource clock) {
        ChannelOptions options = config.channelOptions();
        return config.channels()
                .smtp()
                .flatMap(smtp -> config.channels()
                        .mailFrom()
                        .map(from -> options.sendingMailThrough(new SmtpMailTransport(
                                new SmtpServer(
                                        smtp.host(),
                                        smtp.port(),
                                        SmtpServer.Security.valueOf(
                                                smtp.security().name()),
                                        smtp.user(),
                                        smtp.password(),
                                        smtp.timeout()),
                                from.substring(from.lastIndexOf('@') + 1),
                                clock))))
                .orElse(options);
    }
}
