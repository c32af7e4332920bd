package org.supportdesk.adapter.persistence;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * One JDBI transaction per unit of work, bound to the acting tenant: it sets {@code supportdesk.tenant_id} for the
 * transaction, which every row-level security policy reads, and remembers the tenant for the thread until the
 * transaction ends, so that the stores ({@link TenantScope}) can refuse a call made outside it or for another tenant.
 * Stores called inside reuse the thread's handle, so everything a use case writes commits or rolls back together.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;
    private final ThreadLocal<Bound> bound = new ThreadLocal<>();

    /**
     * The transaction open on a thread: its tenant, its handle, and the DAOs attached to that handle so far. A DAO is
     * attached once per transaction and kept: attaching builds a proxy with a copy of the configuration for each of its
     * methods, which, done on every call (as an on-demand DAO does), was a third of the allocation of a write.
     */
    record Bound(TenantId tenant, Handle handle, Map<Class<?>, Object> daos) {
        <D> D dao(Class<D> type) {
            return type.cast(daos.computeIfAbsent(type, handle::attach));
        }
    }

    /** Stores honour only the runner they were built with, so the one way to get a runner is {@link JdbiStores}. */
    JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        Objects.requireNonNull(tenant, "tenant");
        Bound current = bound.get();
        if (current != null) {
            if (!current.tenant().equals(tenant)) {
                throw new IllegalStateException(
                        "a transaction for tenant " + current.tenant() + " cannot act for " + tenant);
            }
            return work.get();
        }
        try {
            return jdbi.inTransaction(handle -> {
                bindTenant(handle, tenant);
                bound.set(new Bound(tenant, handle, new HashMap<>()));
                try {
                    return work.get();
                } finally {
                    bound.remove();
                }
            });
        } catch (RuntimeException failure) {
            throw StoreFailures.translate(failure);
        }
    }

    /** The transaction this runner has open on the calling thread; empty when it has none. */
    Optional<Bound> bound() {
        return Optional.ofNullable(bound.get());
    }

    private static void bindTenant(Handle handle, TenantId tenant) {
        if (handle.attach(TenantBindingDao.class)
                .bind(tenant.value().toString())
                .isEmpty()) {
            throw new IllegalStateException("a transaction bound to another tenant cannot act for " + tenant);
        }
    }
}
