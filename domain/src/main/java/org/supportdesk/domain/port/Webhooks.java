package org.supportdesk.domain.port;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.tenant.TenantId;

/** A tenant's webhook subscriptions. */
public interface Webhooks {
    void add(Webhook webhook);

    Optional<Webhook> find(TenantId tenant, UUID id);

    /** Oldest first. */
    Page<Webhook> list(TenantId tenant, PageRequest page);

    /** Every subscription of the tenant, for the dispatcher to match events against. */
    List<Webhook> all(TenantId tenant);

    void update(Webhook webhook);

    /** Answers whether there was one to delete. */
    boolean delete(TenantId tenant, UUID id);
}
