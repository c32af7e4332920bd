package org.supportdesk.bootstrap;

import java.time.InstantSource;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.adapter.persistence.JdbiIdempotencyRecords;
import org.supportdesk.adapter.persistence.JdbiJournal;
import org.supportdesk.adapter.persistence.JdbiOutbox;
import org.supportdesk.adapter.persistence.JdbiPeople;
import org.supportdesk.adapter.persistence.JdbiSlaSettings;
import org.supportdesk.adapter.persistence.JdbiTenantConfiguration;
import org.supportdesk.adapter.persistence.JdbiTenants;
import org.supportdesk.adapter.persistence.JdbiTicketNumbers;
import org.supportdesk.adapter.persistence.JdbiTicketRepository;
import org.supportdesk.adapter.persistence.JdbiTransactionRunner;
import org.supportdesk.domain.port.SlaBreachCandidates;
import org.supportdesk.domain.port.TicketQueries;

/** The PostgreSQL side of the ports, over one JDBI instance. */
public record Stores(
        Jdbi jdbi,
        JdbiTransactionRunner transactions,
        JdbiSlaSettings slaSettings,
        JdbiTenants tenants,
        JdbiPeople people,
        JdbiTicketRepository tickets,
        TicketQueries ticketQueries,
        JdbiTicketNumbers numbers,
        JdbiTenantConfiguration configuration,
        JdbiJournal journal,
        JdbiOutbox outbox,
        JdbiIdempotencyRecords idempotencyRecords,
        Optional<SlaBreachCandidates> slaBreachCandidates) {

    static Stores over(Jdbi jdbi, InstantSource clock, PendingAdapters pending) {
        JdbiTransactionRunner transactions = new JdbiTransactionRunner(jdbi);
        JdbiSlaSettings slaSettings = new JdbiSlaSettings(jdbi, clock);
        return new Stores(
                jdbi,
                transactions,
                slaSettings,
                new JdbiTenants(jdbi, transactions, slaSettings, clock),
                new JdbiPeople(jdbi, clock),
                new JdbiTicketRepository(jdbi),
                pending.ticketQueries().apply(jdbi),
                new JdbiTicketNumbers(jdbi),
                new JdbiTenantConfiguration(jdbi),
                new JdbiJournal(jdbi),
                new JdbiOutbox(jdbi),
                new JdbiIdempotencyRecords(jdbi),
                pending.slaBreachCandidates().apply(jdbi));
    }
}
