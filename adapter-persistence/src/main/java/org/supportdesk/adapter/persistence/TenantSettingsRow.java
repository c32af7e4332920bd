package org.supportdesk.adapter.persistence;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
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
