package org.supportdesk.adapter.persistence;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.tenant.TenantId;

/** A {@code webhooks} row; public because JDBI binds public accessors only. The secret stays sealed. */
public record WebhookRow(
        UUID tenantId,
        UUID id,
        String url,
        String[] events,
        String description,
        String sealedSecret,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookRow from(Webhook w) {
        return new WebhookRow(
                w.tenant().value(),
                w.id(),
                w.url().toString(),
                w.events().stream().sorted().toArray(String[]::new),
                w.description(),
                w.sealedSecret(),
                w.createdAt(),
                w.updatedAt());
    }

    Webhook toDomain() {
        return new Webhook(
                id,
                new TenantId(tenantId),
                new WebhookUrl(URI.create(url)),
                Set.of(events),
                description,
                sealedSecret,
                createdAt,
                updatedAt);
    }
}
