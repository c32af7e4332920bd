package org.supportdesk.bootstrap;

import java.time.InstantSource;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.adapter.http.auth.Password4jHashing;
import org.supportdesk.adapter.persistence.JdbiApiTokens;
import org.supportdesk.adapter.persistence.JdbiCredentials;
import org.supportdesk.adapter.persistence.JdbiIdempotencyRecords;
import org.supportdesk.adapter.persistence.JdbiJournal;
import org.supportdesk.adapter.persistence.JdbiOutbox;
import org.supportdesk.adapter.persistence.JdbiPeople;
import org.supportdesk.adapter.persistence.JdbiSlaBreachCandidates;
import org.supportdesk.adapter.persistence.JdbiSlaSettings;
import org.supportdesk.adapter.persistence.JdbiTenantConfiguration;
import org.supportdesk.adapter.persistence.JdbiTenants;
import org.supportdesk.adapter.persistence.JdbiTicketNumbers;
import org.supportdesk.adapter.persistence.JdbiTicketQueries;
import org.supportdesk.adapter.persistence.JdbiTicketRepository;
import org.supportdesk.adapter.persistence.JdbiTransactionRunner;
import org.supportdesk.domain.port.PasswordHashing;

/** The implementations of the ports: PostgreSQL stores over one JDBI instance, and the password hasher. */
public record Stores(
        Jdbi jdbi,
        JdbiTransactionRunner transactions,
        JdbiSlaSettings slaSettings,
        JdbiTenants tenants,
        JdbiPeople people,
        JdbiTicketRepository tickets,
        JdbiTicketQueries ticketQueries,
        JdbiTicketNumbers numbers,
        JdbiTenantConfiguration configuration,
        JdbiJournal journal,
        JdbiOutbox outbox,
        JdbiIdempotencyRecords idempotencyRecords,
        JdbiSlaBreachCandidates slaBreachCandidates,
        JdbiCredentials credentials,
        JdbiApiTokens apiTokens,
        PasswordHashing passwordHashing) {

    static Stores over(Jdbi jdbi, InstantSource clock) {
        JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);
        JdbiSlaSettings slaSettings = new JdbiSlaSettings(jdbi, clock);
        return new Stores(
                jdbi,
                transactions,
                slaSettings,
                new JdbiTenants(jdbi, transactions, slaSettings, clock),
                new JdbiPeople(jdbi, clock),
                new JdbiTicketRepository(jdbi),
                new JdbiTicketQueries(jdbi),
                new JdbiTicketNumbers(jdbi),
                new JdbiTenantConfiguration(jdbi),
                new JdbiJournal(jdbi),
                new JdbiOutbox(jdbi),
                new JdbiIdempotencyRecords(jdbi),
                new JdbiSlaBreachCandidates(jdbi),
                new JdbiCredentials(jdbi),
                new JdbiApiTokens(jdbi),
                new Password4jHashing());
    }
}
