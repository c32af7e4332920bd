package org.supportdesk.adapter.persistence;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL of tenant settings and categories. */
@RegisterRowMapper(TenantSettingsRow.Mapper.class)
interface TenantConfigurationDao {
    /** The settings row with its categories, in one round trip; empty when the tenant has no settings row. */
    @SqlQuery(
            """
            SELECT tenant_id, reopen_window_days, auto_close_days, attachment_max_file_bytes, attachment_max_files,
                   attachment_max_ticket_bytes, erase_closed_after_days,
                   ARRAY(SELECT c.slug FROM categories c WHERE c.tenant_id = s.tenant_id) AS categories
              FROM tenant_settings s WHERE tenant_id = :tenant
            """)
    Optional<TenantSettingsRow> settings(UUID tenant);

    @SqlUpdate(
            """
            INSERT INTO tenant_settings (tenant_id, reopen_window_days, auto_close_days, attachment_max_file_bytes,
                attachment_max_files, attachment_max_ticket_bytes, erase_closed_after_days, updated_at)
            VALUES (:tenantId, :reopenWindowDays, :autoCloseDays, :attachmentMaxFileBytes, :attachmentMaxFiles,
                :attachmentMaxTicketBytes, :eraseClosedAfterDays, now())
            ON CONFLICT (tenant_id) DO UPDATE
               SET reopen_window_days = EXCLUDED.reopen_window_days,
                   auto_close_days = EXCLUDED.auto_close_days,
                   attachment_max_file_bytes = EXCLUDED.attachment_max_file_bytes,
                   attachment_max_files = EXCLUDED.attachment_max_files,
                   attachment_max_ticket_bytes = EXCLUDED.attachment_max_ticket_bytes,
                   erase_closed_after_days = EXCLUDED.erase_closed_after_days,
                   updated_at = EXCLUDED.updated_at
            """)
    void upsertSettings(@BindMethods TenantSettingsRow row);

    // A category a ticket still uses cannot go: the foreign key from tickets refuses it.
    @SqlUpdate("DELETE FROM categories WHERE tenant_id = :tenant AND NOT (slug = ANY(CAST(:slugs AS text[])))")
    void deleteCategoriesOtherThan(UUID tenant, String[] slugs);

    @SqlUpdate(
            """
            INSERT INTO categories (tenant_id, slug)
            SELECT :tenant, unnest(CAST(:slugs AS text[]))
            ON CONFLICT DO NOTHING
            """)
    void addCategories(UUID tenant, String[] slugs);
}
