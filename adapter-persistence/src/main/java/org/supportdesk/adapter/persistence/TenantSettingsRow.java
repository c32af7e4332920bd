package org.supportdesk.adapter.persistence;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;

/** A {@code tenant_settings} row; the categories are rows of their own. */
public record TenantSettingsRow(
        UUID tenantId,
        long reopenWindowDays,
        long autoCloseDays,
        long attachmentMaxFileBytes,
        int attachmentMaxFiles,
        long attachmentMaxTicketBytes) {

    static TenantSettingsRow from(TenantId tenant, TenantSettings settings) {
        return new TenantSettingsRow(
                tenant.value(),
                settings.reopenWindow().toDays(),
                settings.autoCloseDelay().toDays(),
                settings.attachmentLimits().maxFileBytes(),
                settings.attachmentLimits().maxFilesPerMessage(),
                settings.attachmentLimits().maxTicketBytes());
    }

    TenantSettings toDomain(Set<Category> categories) {
        return new TenantSettings(
                categories,
                Duration.ofDays(reopenWindowDays),
                Duration.ofDays(autoCloseDays),
                new AttachmentLimits(attachmentMaxFileBytes, attachmentMaxFiles, attachmentMaxTicketBytes));
    }
}
