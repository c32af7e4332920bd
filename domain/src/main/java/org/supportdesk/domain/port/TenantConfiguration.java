package org.supportdesk.domain.port;

import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Each tenant's settings as they are now; SLA policies and calendars are in {@link SlaSettings}. */
public interface TenantConfiguration {
    /** The settings of {@code tenant}; a tenant that never changed them has {@link TenantSettings#defaults()}. */
    TenantSettings settings(TenantId tenant);

    /**
     * Stores the settings of {@code tenant} in the surrounding transaction: its categories become exactly
     * {@code settings.categories()}, with the reopen window and auto-close delay. Callers check first that no ticket
     * uses a category that goes ({@link TicketRepository#categoriesInUse}).
     */
    void save(TenantId tenant, TenantSettings settings);
}
