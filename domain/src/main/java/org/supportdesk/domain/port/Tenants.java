package org.supportdesk.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;

/**
 * The tenants themselves: found by the slug people sign in with (§17), listed for work that runs per tenant, and
 * added. The two lookups need no transaction and run with or without one, since they find out which tenant to act for;
 * {@link #add} runs in the new tenant's transaction ({@link TransactionRunner}).
 */
public interface Tenants {
    /**
     * The tenant with that slug; empty for an unknown slug.
     *
     * @throws StoreUnavailable when the store cannot be reached or does not answer in time
     */
    Optional<TenantId> bySlug(String slug);

    /** Every tenant, oldest id first, for background work that then acts in one tenant at a time. */
    List<TenantId> all();

    /**
     * Stores a new tenant in the surrounding transaction, which is bound to {@code tenant}; what the tenant starts
     * with (settings, SLA policy, calendar, people) is stored through the other ports.
     *
     * @throws org.supportdesk.domain.problem.Conflict when another tenant has that slug
     */
    void add(TenantId tenant, TenantSlug slug, String name, Instant createdAt);
}
