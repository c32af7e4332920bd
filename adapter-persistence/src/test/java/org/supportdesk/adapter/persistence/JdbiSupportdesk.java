package org.supportdesk.adapter.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.testing.FakePasswordHashing;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The real core over the JDBI stores of one test schema, composed by {@link UseCases#over} as the server composes it.
 * Tenants made by {@link #newTenant()} are fresh, so tests never share data.
 */
final class JdbiSupportdesk {
    final TestDatabase database;
    final Jdbi jdbi;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    final JdbiStores stores;
    final LocalAttachmentStore attachmentFiles = TestDatabase.attachmentFiles();
    final UseCases useCases;

    JdbiSupportdesk(TestDatabase database) {
        this.database = database;
        this.jdbi = database.jdbi();
        this.stores = JdbiStores.over(jdbi, clock);
        this.useCases = UseCases.over(
                stores.ports(new FakePasswordHashing(), new SecureRandomSecrets(), attachmentFiles),
                new TimeOrderedIds(clock),
                () -> "persistence-test",
                clock);
    }

    /** A tenant of its own with the default settings, its organisation and its cast stored. */
    TenantFixture newTenant() {
        String name = "t"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        TenantFixture fixture = new TenantFixture(name);
        database.storeTenant(fixture, name, clock);
        return fixture;
    }

    /** Files as a customer and reads the ticket back as stored. */
    TicketState fileAndRead(FileTicket.Command command) {
        TicketId id = useCases.portal().fileTicket().handle(command).id();
        return stores.transactions().inTransaction(command.actor().tenant(), () -> stores.tickets()
                .find(command.actor().tenant(), id)
                .orElseThrow()
                .state());
    }

    /** A portal filing by the tenant's customer. */
    static FileTicket.Command filing(TenantFixture tenant, String subject) {
        return filing(tenant.customerActor(), subject, List.of(), Optional.empty());
    }

    /** A portal filing by {@code customer} with these uploads, naming {@code article} as the one read first. */
    static FileTicket.Command filing(
            CustomerActor customer, String subject, List<AttachmentId> attachments, Optional<ArticleId> article) {
        return new FileTicket.Command(
                customer,
                new Subject(subject),
                new Description("Smoke everywhere"),
                new Category("technical"),
                Priority.URGENT,
                PortalContext.NONE,
                Optional.empty(),
                attachments,
                article);
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
