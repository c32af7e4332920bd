package org.supportdesk.adapter.persistence;

import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.application.Ports;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.port.SecretSource;

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
        JdbiIdempotencyRecords idempotencyRecords) {

    /** The stores over {@code jdbi} (see {@link Database#jdbi}); {@code clock} stamps what they write themselves. */
    public static JdbiStores over(Jdbi jdbi, InstantSource clock) {
        JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);
        JdbiSlaSettings slaSettings = new JdbiSlaSettings(jdbi, clock);
        return new JdbiStores(
                jdbi,
                transactions,
                new JdbiTenants(jdbi),
                new JdbiPeople(jdbi, clock),
                new JdbiCredentials(jdbi),
                new JdbiApiTokens(jdbi),
                new JdbiTenantConfiguration(jdbi),
                slaSettings,
                new JdbiTicketRepository(jdbi),
                new JdbiTicketQueries(jdbi),
                new JdbiTicketNumbers(jdbi),
                new JdbiSlaBreachCandidates(jdbi),
                new JdbiJournal(jdbi),
                new JdbiOutbox(jdbi),
                new JdbiIdempotencyRecords(jdbi));
    }

    /** The core's ports: these stores, with the password hasher and secret source the caller chose. */
    public Ports ports(PasswordHashing passwordHashing, SecretSource secrets) {
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
                idempotencyRecords,
                passwordHashing,
                secrets);
    }
}
