package org.supportdesk.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Serialisable transactions over in-memory stores: one at a time, all stores snapshotted on begin and restored when
 * the work throws. A nested call joins the open transaction, as a database-backed runner does.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {
    private final List<Snapshotting> stores;
    private final ReentrantLock lock = new ReentrantLock();
    private final ThreadLocal<TenantId> openFor = new ThreadLocal<>();

    public InMemoryTransactionRunner(List<Snapshotting> stores) {
        this.stores = List.copyOf(stores);
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        if (openFor.get() != null) {
            if (!openFor.get().equals(tenant)) {
                throw new IllegalStateException("a transaction for " + openFor.get() + " cannot act for " + tenant);
            }
            return work.get();
        }
        lock.lock();
        openFor.set(tenant);
        List<Object> snapshots = new ArrayList<>();
        stores.forEach(store -> snapshots.add(store.snapshot()));
        try {
            return work.get();
        } catch (RuntimeException | Error failure) {
            for (int i = 0; i < stores.size(); i++) {
                stores.get(i).restore(snapshots.get(i));
            }
            throw failure;
        } finally {
            openFor.remove();
            lock.unlock();
        }
    }

    /** The tenant the calling thread's open transaction acts for, if one is open. */
    public Optional<TenantId> currentTenant() {
        return Optional.ofNullable(openFor.get());
    }
}
