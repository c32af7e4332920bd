package org.supportdesk.adapter.persistence;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The one way a store reaches the database. Outside a transaction bound to a tenant, row-level security hides every
 * row, so a store called there would quietly find nothing and store nothing; {@link #dao} refuses instead, before any
 * SQL runs, unless the calling thread is inside a transaction that {@link JdbiTransactionRunner} bound to exactly the
 * tenant the call acts for. The check reads what the runner recorded for the thread: no round trip to the database.
 */
final class TenantScope {
    private final Jdbi jdbi;
    private final JdbiTransactionRunner transactions;
    private final TenantLookupDao lookups;

    TenantScope(Jdbi jdbi, JdbiTransactionRunner transactions) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.lookups = jdbi.onDemand(TenantLookupDao.class);
    }

    /**
     * The DAO for a call acting for {@code tenant}, attached to the thread's transaction.
     *
     * @throws IllegalStateException when the thread has no transaction of this scope's runner open, or one bound to
     *     another tenant
     */
    <D> D dao(TenantId tenant, Class<D> type) {
        return bound(tenant, type.getSimpleName()).dao(type);
    }

    /**
     * Runs {@code action} when the transaction of a call by {@code caller} acting for {@code tenant} commits, and
     * never if it rolls back: for what may be remembered only once the rows it was read from are certainly stored.
     *
     * @throws IllegalStateException as {@link #dao} does
     */
    void afterCommit(TenantId tenant, String caller, Runnable action) {
        bound(tenant, caller).handle().afterCommit(action);
    }

    /**
     * Refuses, as {@link #dao} does, a call by {@code caller} that a store answers without a statement (from what it
     * remembers), so that such a call is refused exactly where one that reads would be.
     */
    void requireBound(TenantId tenant, String caller) {
        bound(tenant, caller);
    }

    /**
     * Runs {@code read} on a DAO whose one statement binds {@code tenant} for itself: attached to the thread's
     * transaction when one is open, or else on a handle of its own, in autocommit: one round trip, where a transaction
     * would be four (docs/adr/0028-the-caller-in-one-statement.md).
     *
     * @throws IllegalStateException inside a transaction bound to another tenant
     */
    <D, T> T readOnItsOwn(TenantId tenant, Class<D> type, Function<D, T> read) {
        Objects.requireNonNull(tenant, "tenant");
        if (transactions.bound().isPresent()) {
            return read.apply(dao(tenant, type));
        }
        try {
            return jdbi.withExtension(type, read::apply);
        } catch (RuntimeException failure) {
            throw StoreFailures.translate(failure);
        }
    }

    /**
     * The one tenant all of {@code items} belong to, for a store that writes them in one statement.
     *
     * @throws IllegalArgumentException when they belong to several
     */
    static <T> TenantId tenantOfAll(List<T> items, Function<T, TenantId> tenantOf) {
        TenantId tenant = tenantOf.apply(items.get(0));
        if (!items.stream().allMatch(item -> tenantOf.apply(item).equals(tenant))) {
            throw new IllegalArgumentException("items of several tenants written at once: " + tenant + " and others");
        }
        return tenant;
    }

    private JdbiTransactionRunner.Bound bound(TenantId tenant, String caller) {
        Objects.requireNonNull(tenant, "tenant");
        JdbiTransactionRunner.Bound bound = transactions
                .bound()
                .orElseThrow(() -> new IllegalStateException(caller + " refused a call for tenant " + tenant
                        + " outside any tenant-bound transaction: run it inside"
                        + " TransactionRunner.inTransaction (of the runner the stores were built with)"));
        if (!bound.tenant().equals(tenant)) {
            throw new IllegalStateException(caller + " refused a call for tenant " + tenant
                    + " inside a transaction bound to another tenant, " + bound.tenant());
        }
        return bound;
    }

    /**
     * The tenant lookups, which need no tenant-bound transaction and get no check: sign-in finds the tenant of a slug
     * and background work lists every tenant before either knows which tenant to bind, and the {@code tenants} table
     * has no row-level security. Only {@code Tenants.bySlug} and {@code Tenants.all} use it.
     */
    TenantLookupDao tenantLookups() {
        return lookups;
    }
}
