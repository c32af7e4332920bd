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

    @Override
    public void save(TenantId tenant, TenantSettings settings) {
        String[] slugs =
                settings.categories().stream().map(Category::value).sorted().toArray(String[]::new);
        jdbi.useHandle(handle -> {
            handle.createUpdate(
                            """
                            INSERT INTO tenant_settings (tenant_id, reopen_window_days, auto_close_days, updated_at)
                            VALUES (:tenant, :reopen, :autoClose, now())
                            ON CONFLICT (tenant_id) DO UPDATE
                               SET reopen_window_days = EXCLUDED.reopen_window_days,
                                   auto_close_days = EXCLUDED.auto_close_days,
                                   updated_at = EXCLUDED.updated_at
                            """)
                    .bind("tenant", tenant.value())
                    .bind("reopen", settings.reopenWindow().toDays())
                    .bind("autoClose", settings.autoCloseDelay().toDays())
                    .execute();
            // A category a ticket still uses cannot go: the foreign key from tickets refuses it.
            handle.createUpdate(
                            """
                            DELETE FROM categories WHERE tenant_id = :tenant AND NOT (slug = ANY(CAST(:slugs AS text[])))
                            """)
                    .bind("tenant", tenant.value())
                    .bind("slugs", slugs)
                    .execute();
            handle.createUpdate(
                            """
                            INSERT INTO categories (tenant_id, slug)
                            SELECT :tenant, unnest(CAST(:slugs AS text[]))
                            ON CONFLICT DO NOTHING
                            """)
                    .bind("tenant", tenant.value())
                    .bind("slugs", slugs)
                    .execute();
        });
    }
}
