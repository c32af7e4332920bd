package org.supportdesk.adapter.persistence;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.application.admin.CreateApiToken;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.idempotency.RunOnce;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.AutoCloseResolved;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.UpdateTicket;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.application.work.SlaClocks;
import org.supportdesk.application.work.TicketChanges;
import org.supportdesk.domain.port.CorrelationIds;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The real use cases wired over the JDBI stores of one test schema, as bootstrap wires them; the one place to adapt
 * when the wiring changes. Tenants made by {@link #newTenant()} are fresh, so tests never share data.
 */
final class JdbiSupportdesk {
    final TestDatabase database;
    final Jdbi jdbi;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final TimeOrderedIds ids = new TimeOrderedIds(clock);
    final CorrelationIds correlation = () -> "persistence-test";
    final JdbiTransactionRunner transactions;
    final JdbiTenants tenants;
    final JdbiPeople people;
    final JdbiTicketRepository tickets;
    final JdbiTicketNumbers numbers;
    final JdbiTenantConfiguration configuration;
    final JdbiJournal journal;
    final JdbiOutbox outbox;
    final JdbiIdempotencyRecords idempotencyRecords;
    final JdbiSlaSettings slaSettings;
    final TicketChanges changes;
    final FileTicket fileTicket;
    final ReplyToTicket replyToTicket;
    final UpdateTicket updateTicket;
    final ChangeTicketStatus changeTicketStatus;
    final ScanSlaBreaches scanSlaBreaches;
    final AutoCloseResolved autoCloseResolved;
    final RunOnce runOnce;
    final JdbiCredentials credentials;
    final JdbiApiTokens apiTokens;
    final CreateApiToken createApiToken;

    JdbiSupportdesk(TestDatabase database) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.transactions = new JdbiTransactionRunner(jdbi);
        this.slaSettings = new JdbiSlaSettings(jdbi, clock);
        this.tenants = new JdbiTenants(jdbi, transactions, slaSettings, clock);
        this.people = new JdbiPeople(jdbi, clock);
        this.tickets = new JdbiTicketRepository(jdbi);
        this.numbers = new JdbiTicketNumbers(jdbi);
        this.configuration = new JdbiTenantConfiguration(jdbi);
        this.journal = new JdbiJournal(jdbi);
        this.outbox = new JdbiOutbox(jdbi);
        this.idempotencyRecords = new JdbiIdempotencyRecords(jdbi);
        this.changes = new TicketChanges(
                tickets, transactions, journal, new SlaClocks(slaSettings, journal), outbox, ids, correlation, clock);
        this.fileTicket = new FileTicket(changes, tickets, numbers, people, configuration, slaSettings);
        this.replyToTicket = new ReplyToTicket(changes, configuration);
        this.updateTicket = new UpdateTicket(changes, people, configuration);
        this.changeTicketStatus = new ChangeTicketStatus(changes);
        this.scanSlaBreaches = new ScanSlaBreaches(
                new JdbiSlaBreachCandidates(jdbi), new SlaClocks(slaSettings, journal), changes, transactions, clock);
        this.autoCloseResolved = new AutoCloseResolved(changes, tickets, transactions, configuration, clock);
        this.runOnce = new RunOnce(idempotencyRecords, transactions, clock);
        this.credentials = new JdbiCredentials(jdbi);
        this.apiTokens = new JdbiApiTokens(jdbi);
        SecureRandom random = new SecureRandom();
        this.createApiToken = new CreateApiToken(
                new AdminWork(transactions, journal, ids, correlation, clock), apiTokens, people, count -> {
                    byte[] bytes = new byte[count];
                    random.nextBytes(bytes);
                    return bytes;
                });
    }

    /** A tenant of its own with the default settings, its organisation and its cast stored. */
    TenantFixture newTenant() {
        String name = "t"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        TenantFixture fixture = new TenantFixture(name);
        tenants.create(fixture.tenant, name, "Tenant " + name, TenantSettings.defaults());
        transactions.inTransaction(fixture.tenant, () -> {
            people.addOrganization(fixture.organization);
            fixture.everyone().forEach(people::add);
            return null;
        });
        return fixture;
    }

    /** Files as a customer and reads the ticket back as stored. */
    TicketState fileAndRead(FileTicket.Command command) {
        TicketId id = fileTicket.handle(command);
        return transactions.inTransaction(
                command.actor().tenant(),
                () -> tickets.find(command.actor().tenant(), id).orElseThrow().state());
    }

    /** A portal filing by the tenant's customer. */
    static FileTicket.Command filing(TenantFixture tenant, String subject) {
        return new FileTicket.Command(
                tenant.customerActor(),
                new Subject(subject),
                new Description("Smoke everywhere"),
                new Category("technical"),
                Priority.URGENT,
                PortalContext.NONE,
                Optional.empty());
    }

    /**
     * {@code SELECT count(*)} of a query run past row-level security (as a superuser); {@code ?} parameters take
     * {@code arguments} in order.
     */
    long unrestrictedCount(String sql, Object... arguments) {
        try (Connection connection = database.unrestrictedConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
