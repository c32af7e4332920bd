package org.supportdesk.adapter.persistence;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** SQL of the transaction's {@code supportdesk.tenant_id} setting, which every row-level security policy reads. */
interface TenantBindingDao {
    /** Empty when no tenant is bound. */
    @SqlQuery("SELECT coalesce(current_setting('supportdesk.tenant_id', true), '')")
    String boundTenant();

    /** Transaction-local ({@code true}), so a pooled connection never carries the tenant into its next transaction. */
    @SqlQuery("SELECT set_config('supportdesk.tenant_id', :tenant, true)")
    String bind(String tenant);
}
