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
 * the work throws. Each transaction binds its tenant in the {@link TenantBinding} the stores check. A nested call joins
 * the open transaction, as a database-backed runner does, and must be for the same tenant.
 */
public final class InMemoryTransactionRunner implements TransactionRunner {
    private final TenantBinding binding;
    private final List<Snapshotting> stores;
    private final ReentrantLock lock = new ReentrantLock();

    public InMemoryTransactionRunner(TenantBinding binding, List<Snapshotting> stores) {
        this.binding = binding;
        this.stores = List.copyOf(stores);
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        Optional<TenantId> open = binding.current();
        if (open.isPresent()) {
            binding.require(tenant);
            return work.get();
        }
        lock.lock();
        binding.bind(tenant);
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
            binding.release();
            lock.unlock();
        }
    }
}
