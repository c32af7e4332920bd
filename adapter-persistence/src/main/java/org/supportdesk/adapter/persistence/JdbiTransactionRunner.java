package org.supportdesk.adapter.persistence;

import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * One JDBI transaction per unit of work, bound to the acting tenant: it sets {@code supportdesk.tenant_id} for the
 * transaction, which every row-level security policy reads. Repositories called inside reuse the thread's handle, so
 * everything a use case writes commits or rolls back together.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;

    public JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Supplier<T> work) {
        return jdbi.inTransaction(handle -> {
            bindTenant(handle, tenant);
            return work.get();
        });
    }

    private static void bindTenant(Handle handle, TenantId tenant) {
        String current = handle.createQuery("SELECT current_setting('supportdesk.tenant_id', true)")
                .mapTo(String.class)
                .findOne()
                .filter(value -> !value.isEmpty())
                .orElse(null);
        if (current == null) {
            handle.createQuery("SELECT set_config('supportdesk.tenant_id', :tenant, true)")
                    .bind("tenant", tenant.value().toString())
                    .mapTo(String.class)
                    .one();
        } else if (!current.equals(tenant.value().toString())) {
            throw new IllegalStateException("a transaction for tenant " + current + " cannot act for " + tenant);
        }
    }
}
