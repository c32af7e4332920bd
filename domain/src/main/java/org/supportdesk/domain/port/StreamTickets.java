package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.Optional;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * Stream tickets (docs/live-events.md): short-lived, single-use stand-ins for a bearer token on an event stream, which a
 * browser's {@code EventSource} opens without headers. Only a digest of each is kept.
 */
public interface StreamTickets {
    /** Who a ticket stands for. */
    record Holder(UserId person, Role role) {}

    void add(TenantId tenant, String digest, Holder holder, Instant expiresAt);

    /** Spends the ticket with {@code digest}: its holder, once, if it has not expired by {@code now}. */
    Optional<Holder> redeem(TenantId tenant, String digest, Instant now);

    /** Forgets the tickets that expired before {@code before}; answers how many. */
    int purgeExpired(TenantId tenant, Instant before);
}
