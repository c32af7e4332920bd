package org.supportdesk.domain.port;

import java.util.function.Supplier;
import org.supportdesk.domain.tenant.TenantId;

/** The unit of work: everything a use case writes commits together, or nothing does. */
public interface TransactionRunner {
    /**
     * Runs {@code work} in one transaction acting for {@code tenant}, which a store may use to bind the whole
     * transaction to that tenant (row-level security). Commits when {@code work} returns; rolls back every write when
     * it throws, and rethrows. A call made while a transaction is open on the thread joins it.
     */
    <T> T inTransaction(TenantId tenant, Supplier<T> work);
}
