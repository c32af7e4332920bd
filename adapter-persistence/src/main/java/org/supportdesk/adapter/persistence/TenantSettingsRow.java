package org.supportdesk.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** A {@code tenant_settings} row with the slugs of the tenant's categories, which are rows of their own. */
public record TenantSettingsRow(
        UUID tenantId,
        long reopenWindowDays,
        long autoCloseDays,
        long attachmentMaxFileBytes,
        int attachmentMaxFiles,
        long attachmentMaxTicketBytes,
        Integer eraseClosedAfterDays,
        String[] categories) {

    /**
     * Reads the row with its {@code categories} array by column name. Written out, as {@link TicketRow.Mapper} is: every
     * change reads its tenant's settings, and a constructor mapper matches the columns to the parameters again on every
     * statement.
     */
    public static final class Mapper implements RowMapper<TenantSettingsRow> {
        @Override
        public TenantSettingsRow map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new TenantSettingsRow(
                    rs.getObject("tenant_id", UUID.class),
                    rs.getLong("reopen_window_days"),
                    rs.getLong("auto_close_days"),
                    rs.getLong("attachment_max_file_bytes"),
                    rs.getInt("attachment_max_files"),
                    rs.getLong("attachment_max_ticket_bytes"),
                    rs.getObject("erase_closed_after_days", Integer.class),
                    Columns.texts(rs, "categories"));
        }
    }

    static TenantSettingsRow from(TenantId tenant, TenantSettings settings) {
        return new TenantSettingsRow(
                tenant.value(),
                settings.reopenWindow().toDays(),
                settings.autoCloseDelay().toDays(),
                settings.attachmentLimits().maxFileBytes(),
                settings.attachmentLimits().maxFilesPerMessage(),
                settings.attachmentLimits().maxTicketBytes(),
                settings.eraseClosedAfter().map(after -> (int) after.toDays()).orElse(null),
                settings.categories().stream().map(Category::value).sorted().toArray(String[]::new));
    }

    TenantSettings toDomain() {
        return new TenantSettings(
                Arrays.stream(categories).map(Category::new).collect(Collectors.toSet()),
                Duration.ofDays(reopenWindowDays),
                Duration.ofDays(autoCloseDays),
                new AttachmentLimits(attachmentMaxFileBytes, attachmentMaxFiles, attachmentMaxTicketBytes),
                Optional.ofNullable(eraseClosedAfterDays).map(Duration::ofDays));
    }
}
