package org.supportdesk.adapter.persistence;

import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Tenant settings and categories in PostgreSQL; a tenant without a settings row has the defaults. */
public final class JdbiTenantConfiguration implements TenantConfiguration {
    private final TenantScope scope;

    JdbiTenantConfiguration(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public TenantSettings settings(TenantId tenant) {
        Set<Category> categories = dao(tenant).categories(tenant.value()).stream()
                .map(Category::new)
                .collect(Collectors.toSet());
        return dao(tenant)
                .settings(tenant.value())
                .map(row -> row.toDomain(categories))
                .orElseGet(TenantSettings::defaults);
    }

    @Override
    public void save(TenantId tenant, TenantSettings settings) {
        String[] slugs =
                settings.categories().stream().map(Category::value).sorted().toArray(String[]::new);
        dao(tenant).upsertSettings(TenantSettingsRow.from(tenant, settings));
        dao(tenant).deleteCategoriesOtherThan(tenant.value(), slugs);
        dao(tenant).addCategories(tenant.value(), slugs);
    }

    private TenantConfigurationDao dao(TenantId tenant) {
        return scope.dao(tenant, TenantConfigurationDao.class);
    }
}
