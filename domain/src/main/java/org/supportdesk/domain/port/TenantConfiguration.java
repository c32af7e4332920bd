package org.supportdesk.domain.port;

import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Each tenant's settings as they are now. */
public interface TenantConfiguration {
    /** The settings of {@code tenant}; a tenant that never changed them has {@link TenantSettings#defaults()}. */
    TenantSettings settings(TenantId tenant);

    /** The SLA policy version a ticket filed now is measured under (§7); 1 until the tenant versions its policy. */
    int currentPolicyVersion(TenantId tenant);

    /** The business calendar version a ticket filed now is measured under (§7); 1 until the tenant versions it. */
    int currentCalendarVersion(TenantId tenant);
}
