package org.supportdesk.adapter.persistence;

import org.supportdesk.domain.port.TenantConfiguration;
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
        return dao(tenant)
                .settings(tenant.value())
                .map(TenantSettingsRow::toDomain)
                .orElseGet(TenantSettings::defaults);
    }

    @Override
    public void save(TenantId tenant, TenantSettings settings) {
        TenantSettingsRow row = TenantSettingsRow.from(tenant, settings);
        dao(tenant).upsertSettings(row);
        dao(tenant).deleteCategoriesOtherThan(tenant.value(), row.categories());
        dao(tenant).addCategories(tenant.value(), row.categories());
    }

    private TenantConfigurationDao dao(TenantId tenant) {
        return scope.dao(tenant, TenantConfigurationDao.class);
    }
}
