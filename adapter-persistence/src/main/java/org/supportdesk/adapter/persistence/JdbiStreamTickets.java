package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.port.StreamTickets;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/** Stream tickets in PostgreSQL (see {@link StreamTicketDao}). */
public final class JdbiStreamTickets implements StreamTickets {
    private final TenantScope scope;

    JdbiStreamTickets(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void add(TenantId tenant, String digest, Holder holder, Instant expiresAt) {
        dao(tenant)
                .insert(
                        tenant.value(),
                        digest,
                        holder.person().value(),
                        holder.role().wireName(),
                        expiresAt);
    }

    @Override
    public Optional<Holder> redeem(TenantId tenant, String digest, Instant now) {
        return dao(tenant)
                .spend(tenant.value(), digest, now)
                .map(row -> new Holder(
                        new UserId(row.userId()),
                        Role.parse(row.role())
                                .orElseThrow(() -> new IllegalStateException("a stored role is unknown"))));
    }

    @Override
    public int purgeExpired(TenantId tenant, Instant before) {
        return dao(tenant).purgeExpired(tenant.value(), before);
    }

    private StreamTicketDao dao(TenantId tenant) {
        return scope.dao(tenant, StreamTicketDao.class);
    }
}
