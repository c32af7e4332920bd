package org.supportdesk.adapter.persistence;

import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.application.Ports;
import org.supportdesk.application.ids.AesGcmSecretBox;
import org.supportdesk.application.inbound.NoInboundMail;
import org.supportdesk.application.notify.NoWebhooks;
import org.supportdesk.application.telegram.NoTelegram;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.MailParser;
import org.supportdesk.domain.port.Mailboxes;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.port.TelegramBotApi;
import org.supportdesk.domain.port.WebhookTransport;

/**
 * Every PostgreSQL store, over one JDBI instance, and the core's {@link Ports} made of them: what the server, the
 * persistence tests and an embedder with their own {@code DataSource} hand to {@code UseCases.over}.
 */
public record JdbiStores(
        Jdbi jdbi,
        JdbiTransactionRunner transactions,
        JdbiTenants tenants,
        JdbiPeople people,
        JdbiCredentials credentials,
        JdbiApiTokens apiTokens,
        JdbiTenantConfiguration configuration,
        JdbiSlaSettings slaSettings,
        JdbiTicketRepository tickets,
        JdbiTicketQueries ticketQueries,
        JdbiTicketNumbers ticketNumbers,
        JdbiSlaBreachCandidates slaBreachCandidates,
        JdbiJournal journal,
        JdbiOutbox outbox,
        JdbiChangeFeed changeFeed,
        JdbiStreamTickets streamTickets,
        JdbiNotifications notifications,
        JdbiIdempotencyRecords idempotencyRecords,
        JdbiAttachments attachments,
        JdbiKnowledgeBase knowledgeBase,
        JdbiCallRequests callRequests,
        JdbiDeliveries deliveries,
        JdbiWebhooks webhooks,
        JdbiTelegramBots telegram,
        JdbiEmailChannels emailChannels,
        JdbiReceivedMails receivedMails,
        JdbiPersonalData personalData) {

    /**
     * The stores over {@code jdbi} (see {@link Database#jdbi}); {@code clock} stamps what they write themselves. Every
     * store acts only inside a transaction of {@link #transactions()} bound to the tenant it acts for, and refuses any
     * other call ({@link TenantScope}).
     */
    public static JdbiStores over(Jdbi jdbi, InstantSource clock) {
        JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);
        TenantScope scope = new TenantScope(jdbi, transactions);
        return new JdbiStores(
                jdbi,
                transactions,
                new JdbiTenants(scope),
                new JdbiPeople(scope, clock),
                new JdbiCredentials(scope),
                new JdbiApiTokens(scope),
                new JdbiTenantConfiguration(scope),
                new JdbiSlaSettings(scope, clock),
                new JdbiTicketRepository(scope),
                new JdbiTicketQueries(scope),
                new JdbiTicketNumbers(scope),
                new JdbiSlaBreachCandidates(scope),
                new JdbiJournal(scope),
                new JdbiOutbox(scope),
                new JdbiChangeFeed(scope),
                new JdbiStreamTickets(scope),
                new JdbiNotifications(scope),
                new JdbiIdempotencyRecords(scope),
                new JdbiAttachments(scope),
                new JdbiKnowledgeBase(scope),
                new JdbiCallRequests(scope),
                new JdbiDeliveries(scope),
                new JdbiWebhooks(scope),
                new JdbiTelegramBots(scope),
                new JdbiEmailChannels(scope),
                new JdbiReceivedMails(scope),
                new JdbiPersonalData(scope, clock));
    }

    /**
     * The core's ports: these stores, with the password hasher, secret source and attachment byte store the caller
     * chose ({@link LocalAttachmentStore#under} for files on local disk), and Apache Tika sniffing attachment types.
     */
    public Ports ports(PasswordHashing passwordHashing, SecretSource secrets, AttachmentStore attachmentFiles) {
        NoWebhooks none = new NoWebhooks();
        return ports(
                passwordHashing,
                secrets,
                attachmentFiles,
                none,
                none,
                AesGcmSecretBox.withKey(secrets.randomBytes(32)));
    }

    /**
     * The core's ports as below, without Telegram's client or a mail adapter.
     */
    public Ports ports(
            PasswordHashing passwordHashing,
            SecretSource secrets,
            AttachmentStore attachmentFiles,
            WebhookTransport webhookTransport,
            TargetGuard targetGuard,
            SecretBox secretBox) {
        NoInboundMail noMail = new NoInboundMail();
        return ports(
                passwordHashing,
                secrets,
                attachmentFiles,
                webhookTransport,
                targetGuard,
                secretBox,
                new NoTelegram(),
                noMail,
                noMail);
    }

    /**
     * The core's ports as above, with the Telegram Bot API reached through {@code telegramApi} (the server's:
     * supportdesk-adapter-notify's client), received mail read by {@code mailParser} and tenants' mailboxes through
     * {@code mailboxes} (supportdesk-adapter-notify's Angus Mail adapter). Without them (the overloads above) Telegram
     * refuses every bot token, received mail is refused as unreadable and no mailbox is read.
     */
    public Ports ports(
            PasswordHashing passwordHashing,
            SecretSource secrets,
            AttachmentStore attachmentFiles,
            WebhookTransport webhookTransport,
            TargetGuard targetGuard,
            SecretBox secretBox,
            TelegramBotApi telegramApi,
            MailParser mailParser,
            Mailboxes mailboxes) {
        return new Ports(
                transactions,
                tenants,
                people,
                credentials,
                apiTokens,
                configuration,
                slaSettings,
                tickets,
                ticketQueries,
                ticketNumbers,
                slaBreachCandidates,
                journal,
                outbox,
                changeFeed,
                streamTickets,
                notifications,
                idempotencyRecords,
                passwordHashing,
                secrets,
                attachments,
                attachmentFiles,
                new TikaContentSniffer(),
                knowledgeBase,
                callRequests,
                deliveries,
                webhooks,
                webhookTransport,
                targetGuard,
                secretBox,
                telegram,
                telegramApi,
                emailChannels,
                receivedMails,
                mailParser,
                mailboxes,
                personalData);
    }
}
