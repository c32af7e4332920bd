package org.supportdesk.adapter.persistence;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Tenant settings and categories in PostgreSQL; a tenant without a settings row has the defaults. */
public final class JdbiTenantConfiguration implements TenantConfiguration {
    private final Jdbi jdbi;

    public JdbiTenantConfiguration(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public TenantSettings settings(TenantId tenant) {
        return jdbi.withHandle(handle -> {
            Set<Category> categories = handle
                    .createQuery("SELECT slug FROM categories WHERE tenant_id = :tenant")
                    .bind("tenant", tenant.value())
                    .mapTo(String.class)
                    .stream()
                    .map(Category::new)
                    .collect(Collectors.toSet());
            return handle.createQuery(
                            """
                            SELECT reopen_window_days, auto_close_days FROM tenant_settings WHERE tenant_id = :tenant
                            """)
                    .bind("tenant", tenant.value())
                    .map((rs, ctx) -> new TenantSettings(
                            categories,
                            Duration.ofDays(rs.getInt("reopen_window_days")),
                            Duration.ofDays(rs.getInt("auto_close_days"))))
                    .findOne()
                    .orElseGet(TenantSettings::defaults);
        });
    }
}
