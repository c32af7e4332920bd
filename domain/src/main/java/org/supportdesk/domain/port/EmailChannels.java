package org.supportdesk.domain.port;

import java.util.Optional;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.tenant.TenantId;

/** Each tenant's inbound email channel, at most one. */
public interface EmailChannels {
    /** The tenant's channel; empty when it has none. */
    Optional<EmailChannel> find(TenantId tenant);

    /** Stores the tenant's channel, replacing the one it had. */
    void save(EmailChannel channel);

    /** Removes the tenant's channel; answers whether there was one. */
    boolean delete(TenantId tenant);
}
