package org.supportdesk.bootstrap;

import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.adapter.notify.HttpWebhookTransport;
import org.supportdesk.adapter.notify.PublicAddressGuard;
import org.supportdesk.adapter.notify.telegram.HttpTelegramBotApi;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalAttachmentStore;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.ids.TimeOrderedIds;

/**
 * The core over PostgreSQL: the stores, and every use case composed over them with Argon2id, strong randomness and
 * attachment bytes on local disk under the configured directory, webhooks over the JDK HTTP client behind the SSRF
 * guard, the Telegram Bot API at the configured base URL (within the webhook timeout, which the dispatcher's lease
 * outlasts);
 * {@code correlation} is the id of the request or job each thread serves, which the driving adapters begin and end.
 */
record Core(JdbiStores stores, ThreadCorrelation correlation, UseCases useCases) {
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
                        new HttpTelegramBotApi(
                                config.channels().telegramApiUrl(),
                                config.notifications().webhookTimeout())),
                config.channelOptions(),
                new TimeOrderedIds(clock),
                correlation,
                clock);
        return new Core(stores, correlation, useCases);
    }
}
