package org.supportdesk.adapter.persistence;

import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of the transaction's {@code supportdesk.tenant_id} setting, which every row-level security policy reads. */
interface TenantBindingDao {
    /**
     * Binds {@code tenant} unless the transaction is bound to another one (then answers empty), in one round trip.
     * Transaction-local ({@code true}), so a pooled connection never carries the tenant into its next transaction.
     */
    @SqlQuery(
            """
            SELECT set_config('supportdesk.tenant_id', :tenant, true)
             WHERE coalesce(current_setting('supportdesk.tenant_id', true), '') IN ('', :tenant)
            """)
    Optional<String> bind(String tenant);
}
