package org.supportdesk.adapter.persistence;

import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** Tenant settings and categories in PostgreSQL; a tenant without a settings row has the defaults. */
public final class JdbiTenantConfiguration implements TenantConfiguration {
    private final TenantConfigurationDao dao;

    public JdbiTenantConfiguration(Jdbi jdbi) {
        this.dao = jdbi.onDemand(TenantConfigurationDao.class);
    }

    @Override
    public TenantSettings settings(TenantId tenant) {
        Set<Category> categories =
                dao.categories(tenant.value()).stream().map(Category::new).collect(Collectors.toSet());
        return dao.settings(tenant.value()).map(row -> row.toDomain(categories)).orElseGet(TenantSettings::defaults);
    }

    @Override
    public void save(TenantId tenant, TenantSettings settings) {
        String[] slugs =
                settings.categories().stream().map(Category::value).sorted().toArray(String[]::new);
        dao.upsertSettings(TenantSettingsRow.from(tenant, settings));
        dao.deleteCategoriesOtherThan(tenant.value(), slugs);
        dao.addCategories(tenant.value(), slugs);
    }
}
