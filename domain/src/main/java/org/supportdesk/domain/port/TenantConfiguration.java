package org.supportdesk.domain.port;

import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Each tenant's settings as they are now; SLA policies and calendars are in {@link SlaSettings}. */
public interface TenantConfiguration {
    /** The settings of {@code tenant}; a tenant that never changed them has {@link TenantSettings#defaults()}. */
    TenantSettings settings(TenantId tenant);
}
