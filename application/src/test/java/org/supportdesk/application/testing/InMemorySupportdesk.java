package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.supportdesk.application.Ports;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.ids.AesGcmSecretBox;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.inbound.NoInboundMail;
import org.supportdesk.application.telegram.NoTelegram;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.testing.SequentialIds;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The whole core over in-memory ports, composed by {@link UseCases#over} exactly as the server composes it over
 * PostgreSQL: for tests, and for embedders who want Supportdesk without a database. The stores are public so tests
 * can arrange and inspect state directly.
 */
public final class InMemorySupportdesk {
    public final MutableClock clock;
    public final IdGenerator ids;
    public final FixedCorrelationIds correlation = new FixedCorrelationIds();
    /** The tenant each thread's open transaction is bound to, which every store below checks (the tenant contract). */
    public final TenantBinding binding = new TenantBinding();

    public final InMemoryPeople people = new InMemoryPeople(binding);
    public final InMemoryTicketRepository tickets = new InMemoryTicketRepository(binding, people);
    public final InMemoryTicketNumbers numbers = new InMemoryTicketNumbers(binding);
    public final InMemoryTenantConfiguration configuration = new InMemoryTenantConfiguration(binding);
    public final InMemoryJournal journal = new InMemoryJournal(binding);
    public final RecordingOutbox outbox = new RecordingOutbox(binding);
    public final InMemoryChangeFeed changeFeed = new InMemoryChangeFeed(binding, tickets);
    public final InMemoryStreamTickets streamTickets = new InMemoryStreamTickets(binding);
    public final InMemoryNotifications notifications = new InMemoryNotifications(binding);
    public final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords(binding);
    public final InMemorySlaSettings slaSettings = new InMemorySlaSettings(binding);
    public final InMemoryTenants tenants = new InMemoryTenants(binding);
    public final InMemoryCredentials credentials = new InMemoryCredentials(binding, people);
    public final InMemoryApiTokens apiTokens = new InMemoryApiTokens(binding);
    public final InMemoryKnowledgeBase knowledgeBase = new InMemoryKnowledgeBase(binding);
    public final InMemoryCallRequests callRequests = new InMemoryCallRequests(binding);
    public final FakePasswordHashing passwordHashing = new FakePasswordHashing();
    public final InMemoryAttachments attachments = new InMemoryAttachments(binding);
    public final InMemoryAttachmentStore attachmentFiles = new InMemoryAttachmentStore(binding);
    public final FakeContentSniffer contentSniffer = new FakeContentSniffer();
    public final InMemoryDeliveries deliveries = new InMemoryDeliveries(binding, outbox);
    public final InMemoryWebhooks webhooks = new InMemoryWebhooks(binding);
    public final InMemoryTelegramBots telegram = new InMemoryTelegramBots(binding);
    public final InMemoryEmailChannels emailChannels = new InMemoryEmailChannels(binding);
    public final InMemoryReceivedMails receivedMails = new InMemoryReceivedMails(binding);
    public final RecordingWebhookTransport webhookTransport = new RecordingWebhookTransport();
    public final ListedTargetGuard targetGuard = new ListedTargetGuard();
    /** Sealing under a fixed test key, as the server seals under its configured one. */
    public final AesGcmSecretBox secretBox = AesGcmSecretBox.derivedFrom("in-memory supportdesk test key");
    /** No mail adapter: the core's inbound mail is tested over the real parser, in the server's tests. */
    public final NoInboundMail inboundMail = new NoInboundMail();

    public final InMemoryTransactionRunner transactions = new InMemoryTransactionRunner(
            binding,
            List.of(
                    people,
                    tickets,
                    journal,
                    outbox,
                    changeFeed,
                    streamTickets,
                    notifications,
                    idempotencyRecords,
                    slaSettings,
                    configuration,
                    credentials,
                    apiTokens,
                    attachments,
                    knowledgeBase,
                    callRequests,
                    deliveries,
                    webhooks,
                    telegram,
                    emailChannels,
                    receivedMails));
    public final Ports ports;
    public final UseCases useCases;

    /** The core at 2026-03-02T09:00Z with ids counting from one. */
    public InMemorySupportdesk() {
        this(new MutableClock(Instant.parse("2026-03-02T09:00:00Z")), SequentialIds.startingAtOne());
    }

    /** The core on a clock and ids of the caller's, e.g. shared with another store under comparison. */
    public InMemorySupportdesk(MutableClock clock, IdGenerator ids) {
        this.clock = clock;
        this.ids = ids;
        this.ports = new Ports(
                transactions,
                tenants,
                people,
                credentials,
                apiTokens,
                configuration,
                slaSettings,
                tickets,
                tickets,
                numbers,
                tickets,
                journal,
                outbox,
                changeFeed,
                streamTickets,
                notifications,
                idempotencyRecords,
                passwordHashing,
                new SecureRandomSecrets(),
                attachments,
                attachmentFiles,
                contentSniffer,
                knowledgeBase,
                callRequests,
                deliveries,
                webhooks,
                webhookTransport,
                targetGuard,
                secretBox,
                telegram,
                new NoTelegram(),
                emailChannels,
                receivedMails,
                inboundMail,
                inboundMail,
                new NoPersonalData());
        this.useCases = UseCases.over(ports, ids, correlation, clock);
    }

    public UseCases.Portal portal() {
        return useCases.portal();
    }

    public UseCases.Desk desk() {
        return useCases.desk();
    }

    public UseCases.Admin admin() {
        return useCases.admin();
    }

    public UseCases.Channels channels() {
        return useCases.channels();
    }

    /**
     * Creates the fixture's tenant as an operator would (with its defaults, under the fixture's name as slug), then
     * stores its organisation and cast.
     */
    public TenantFixture store(TenantFixture fixture) {
        useCases.createTenant()
                .handle(new CreateTenant.Command(
                        Optional.of(fixture.tenant), new TenantSlug(fixture.name), fixture.name, Optional.empty()));
        transactions.inTransaction(fixture.tenant, () -> {
            people.addOrganization(fixture.organization);
            fixture.everyone().forEach(people::add);
            return null;
        });
        return fixture;
    }

    /** Runs a test's look into the stores in a transaction of {@code tenant}, as the stores require. */
    public <T> T read(TenantId tenant, Supplier<T> look) {
        return transactions.inTransaction(tenant, look);
    }

    /** Files as a customer and reads the ticket back as stored, for tests that look at every field. */
    public TicketState fileAndRead(FileTicket.Command command) {
        TicketId id = portal().fileTicket().handle(command).id();
        return transactions.inTransaction(
                command.actor().tenant(),
                () -> tickets.find(command.actor().tenant(), id).orElseThrow().state());
    }
}
