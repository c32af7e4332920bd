package org.supportdesk.adapter.persistence;

import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/**
 * The tenants themselves: created with their default settings and categories, found by slug at sign-in, listed for
 * background work. The {@code tenants} table has no tenant row-level security; everything a new tenant gets is written
 * in a transaction bound to that tenant.
 */
public final class JdbiTenants implements Tenants {
    private final Jdbi jdbi;
    private final TransactionRunner transactions;
    private final SlaSettings slaSettings;
    private final InstantSource clock;

    public JdbiTenants(Jdbi jdbi, TransactionRunner transactions, SlaSettings slaSettings, InstantSource clock) {
        this.jdbi = jdbi;
        this.transactions = transactions;
        this.slaSettings = slaSettings;
        this.clock = clock;
    }

    /** Creates a tenant with {@code settings}, its categories, SLA policy version 1 and a 24/7 calendar version 1. */
    public void create(TenantId tenant, String slug, String name, TenantSettings settings) {
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        transactions.inTransaction(
                tenant,
                () -> jdbi.withHandle(handle -> {
                    handle.createUpdate(
                                    "INSERT INTO tenants (id, slug, name, created_at) VALUES (:id, :slug, :name, :now)")
                            .bind("id", tenant.value())
                            .bind("slug", slug)
                            .bind("name", name)
                            .bind("now", now)
                            .execute();
                    handle.createUpdate(
                                    """
                            INSERT INTO tenant_settings (tenant_id, reopen_window_days, auto_close_days, updated_at)
                            VALUES (:tenant, :reopen, :autoClose, :now)
                            """)
                            .bind("tenant", tenant.value())
                            .bind("reopen", settings.reopenWindow().toDays())
                            .bind("autoClose", settings.autoCloseDelay().toDays())
                            .bind("now", now)
                            .execute();
                    handle.createUpdate(
                                    """
                            INSERT INTO categories (tenant_id, slug)
                            SELECT :tenant, unnest(CAST(:slugs AS text[]))
                            """)
                            .bind("tenant", tenant.value())
                            .bind(
                                    "slugs",
                                    settings.categories().stream()
                                            .map(Category::value)
                                            .sorted()
                                            .toArray(String[]::new))
                            .execute();
                    slaSettings.addPolicy(tenant, SlaPolicy.defaults());
                    slaSettings.addCalendar(tenant, new AlwaysOpen(1));
                    return null;
                }));
    }

    @Override
    public Optional<TenantId> bySlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM tenants WHERE slug = :slug")
                .bind("slug", slug)
                .mapTo(UUID.class)
                .findOne()
                .map(TenantId::new));
    }

    /** Every tenant, for background work that runs one tenant-scoped transaction per tenant. */
    public List<TenantId> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM tenants ORDER BY id")
                .mapTo(UUID.class)
                .map(TenantId::new)
                .list());
    }
}
