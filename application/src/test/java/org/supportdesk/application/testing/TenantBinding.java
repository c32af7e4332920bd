package org.supportdesk.application.testing;

import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The tenant the calling thread's open transaction is bound to. Every in-memory store checks its tenant against it, as
 * row-level security binds the PostgreSQL stores, so a use case that reads or writes outside its transaction (or for
 * another tenant) fails here as it would against the database, instead of passing by accident.
 */
public final class TenantBinding {
    private final ThreadLocal<TenantId> bound = new ThreadLocal<>();

    /** The tenant of the calling thread's open transaction, if one is open. */
    public Optional<TenantId> current() {
        return Optional.ofNullable(bound.get());
    }

    /**
     * Refuses a store call for {@code tenant} unless the calling thread's open transaction is bound to it.
     *
     * @throws IllegalStateException outside any transaction, or inside another tenant's
     */
    public void require(TenantId tenant) {
        TenantId open = bound.get();
        if (open == null) {
            throw new IllegalStateException("a store was called for " + tenant + " outside any transaction");
        }
        if (!open.equals(tenant)) {
            throw new IllegalStateException("a transaction for " + open + " cannot act for " + tenant);
        }
    }

    void bind(TenantId tenant) {
        bound.set(tenant);
    }

    void release() {
        bound.remove();
    }
}
