package org.supportdesk.domain.port;

import java.util.Optional;
import org.supportdesk.domain.tenant.TenantId;

/** The tenants themselves, as far as the core needs them: found by the slug people sign in with (§17). */
public interface Tenants {
    /** The tenant with that slug; empty for an unknown slug. Runs outside any tenant's transaction. */
    Optional<TenantId> bySlug(String slug);
}
