package org.supportdesk.domain.notify;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.tenant.TenantId;

/**
 * A tenant's webhook subscription (seed 003): where to POST, which event types ({@code *} for all), and the signing
 * secret, kept sealed ({@link org.supportdesk.domain.port.SecretBox}): only the sender opens it, to sign.
 */
public record Webhook(
        UUID id,
        TenantId tenant,
        WebhookUrl url,
        Set<String> events,
        String description,
        String sealedSecret,
        Instant createdAt,
        Instant updatedAt) {
    /** The event type that subscribes to every event. */
    public static final String ALL_EVENTS = "*";

    public Webhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a webhook subscribes to at least one event type");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether this subscription hears events of {@code type}. */
    public boolean hears(String type) {
        return events.contains(ALL_EVENTS) || events.contains(type);
    }

    public Webhook with(WebhookUrl newUrl, Set<String> newEvents, String newDescription, Instant at) {
        return new Webhook(id, tenant, newUrl, newEvents, newDescription, sealedSecret, createdAt, at);
    }
}
