package org.supportdesk.application;

import java.util.Objects;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.CallRequests;
import org.supportdesk.domain.port.ChangeFeed;
import org.supportdesk.domain.port.ContentSniffer;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.Deliveries;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.IdempotencyRecords;
import org.supportdesk.domain.port.Journal;
import org.supportdesk.domain.port.KnowledgeBase;
import org.supportdesk.domain.port.MailParser;
import org.supportdesk.domain.port.Mailboxes;
import org.supportdesk.domain.port.Notifications;
import org.supportdesk.domain.port.Outbox;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.ReceivedMails;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.port.SlaBreachCandidates;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.StreamTickets;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.port.TelegramBotApi;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.port.TicketNumbers;
import org.supportdesk.domain.port.TicketQueries;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.port.WebhookTransport;
import org.supportdesk.domain.port.Webhooks;

/**
 * Every driven port the core needs, in one value: what an embedder (or a test harness) implements and hands to
 * {@link UseCases#over}. Each store honours the tenant contract of {@link TransactionRunner}.
 */
public record Ports(
        TransactionRunner transactions,
        Tenants tenants,
        People people,
        Credentials credentials,
        ApiTokens apiTokens,
        TenantConfiguration configuration,
        SlaSettings slaSettings,
        TicketRepository tickets,
        TicketQueries ticketQueries,
        TicketNumbers ticketNumbers,
        SlaBreachCandidates slaBreachCandidates,
        Journal journal,
        Outbox outbox,
        ChangeFeed changeFeed,
        StreamTickets streamTickets,
        Notifications notifications,
        IdempotencyRecords idempotencyRecords,
        PasswordHashing passwordHashing,
        SecretSource secrets,
        Attachments attachments,
        AttachmentStore attachmentFiles,
        ContentSniffer contentSniffer,
        KnowledgeBase knowledgeBase,
        CallRequests callRequests,
        Deliveries deliveries,
        Webhooks webhooks,
        WebhookTransport webhookTransport,
        TargetGuard targetGuard,
        SecretBox secretBox,
        TelegramBots telegram,
        TelegramBotApi telegramApi,
        EmailChannels emailChannels,
        ReceivedMails receivedMails,
        MailParser mailParser,
        Mailboxes mailboxes) {
    public Ports {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(people, "people");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(apiTokens, "apiTokens");
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(slaSettings, "slaSettings");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(ticketQueries, "ticketQueries");
        Objects.requireNonNull(ticketNumbers, "ticketNumbers");
        Objects.requireNonNull(slaBreachCandidates, "slaBreachCandidates");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(changeFeed, "changeFeed");
        Objects.requireNonNull(streamTickets, "streamTickets");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(idempotencyRecords, "idempotencyRecords");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(attachments, "attachments");
        Objects.requireNonNull(attachmentFiles, "attachmentFiles");
        Objects.requireNonNull(contentSniffer, "contentSniffer");
        Objects.requireNonNull(knowledgeBase, "knowledgeBase");
        Objects.requireNonNull(callRequests, "callRequests");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(webhookTransport, "webhookTransport");
        Objects.requireNonNull(targetGuard, "targetGuard");
        Objects.requireNonNull(secretBox, "secretBox");
        Objects.requireNonNull(telegram, "telegram");
        Objects.requireNonNull(telegramApi, "telegramApi");
        Objects.requireNonNull(emailChannels, "emailChannels");
        Objects.requireNonNull(receivedMails, "receivedMails");
        Objects.requireNonNull(mailParser, "mailParser");
        Objects.requireNonNull(mailboxes, "mailboxes");
    }
}
