package org.supportdesk.adapter.persistence;

import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.application.Ports;
import org.supportdesk.application.ids.AesGcmSecretBox;
import org.supportdesk.application.notify.NoWebhooks;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.port.TargetGuard;
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
        JdbiWebhooks webhooks) {

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
                new JdbiWebhooks(scope));
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
     * The core's ports as above, with webhooks sent through {@code webhookTransport} to targets {@code targetGuard}
     * allows, their secrets sealed by {@code secretBox} (the server's: supportdesk-adapter-notify's transport and
     * guard, a box under the configured key). Without them (the overload above) webhooks are refused at save.
     */
    public Ports ports(
            PasswordHashing passwordHashing,
            SecretSource secrets,
            AttachmentStore attachmentFiles,
            WebhookTransport webhookTransport,
            TargetGuard targetGuard,
            SecretBox secretBox) {
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
                secretBox);
    }
}
