package org.supportdesk.domain.port;

import java.util.function.Supplier;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The unit of work: everything a use case writes commits together, or nothing does. Every call to a store that acts
 * for a tenant runs inside one.
 */
public interface TransactionRunner {
    /**
     * Runs {@code work} on the calling thread in one transaction acting for {@code tenant}. Commits when {@code work}
     * returns; rolls back every write when it throws, and rethrows. A call made while a transaction is open on the
     * thread joins it when it is for the same tenant, and is refused with an {@link IllegalStateException} when it is
     * for another.
     *
     * <p>The stores behind the ports of this package are called only inside such a transaction, on its thread, and only
     * for its tenant. The tenant a store method acts for is the one it names, as a parameter or as the tenant of the
     * value it stores ({@code Person.tenant()}, {@code JournalEntry.tenant()}, {@code IdempotencyKey.tenant()} …).
     * {@link Tenants#bySlug} and {@link Tenants#all} are the exceptions: they find a tenant before one is bound, and
     * run with or without a transaction. The PostgreSQL stores (supportdesk-adapter-persistence) bind the transaction
     * to its tenant for row-level security, under which a query outside it sees no rows at all, and refuse every other
     * call with an {@link IllegalStateException} before any SQL runs: a call outside a transaction, and a call inside
     * one for another tenant.
     *
     * @throws StoreUnavailable when the store cannot be reached or does not answer in time; nothing was committed
     */
    <T> T inTransaction(TenantId tenant, Supplier<T> work);
}
