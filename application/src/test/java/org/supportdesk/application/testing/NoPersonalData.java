package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.port.PersonalData;
import org.supportdesk.domain.privacy.Erasure;
import org.supportdesk.domain.privacy.Pseudonym;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The in-memory core holds no closed ticket to retain and erases nobody: erasure redacts a dozen PostgreSQL tables in
 * place, so it is tested there (bootstrap's ErasureCrawlTest, adapter-persistence's ErasureTest), not against fakes.
 */
final class NoPersonalData implements PersonalData {
    @Override
    public Erasure erasePerson(TenantId tenant, UserId person, Pseudonym pseudonym, UUID erasureEntry) {
        throw new UnsupportedOperationException("erasure is tested against PostgreSQL");
    }

    @Override
    public Optional<Erasure> eraseExpiredTicket(TenantId tenant, TicketId ticket, Instant cutoff, UUID erasureEntry) {
        throw new UnsupportedOperationException("erasure is tested against PostgreSQL");
    }

    @Override
    public List<TicketId> expiredBefore(TenantId tenant, Instant cutoff, int limit) {
        return List.of();
    }
}
