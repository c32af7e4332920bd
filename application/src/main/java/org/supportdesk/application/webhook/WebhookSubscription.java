package org.supportdesk.application.webhook;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.application.notify.WebhookEvents;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.notify.WebhookUrl;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.problem.ValidationFailed;

/** The checks a subscription's fields pass at save, shared by create and update. */
final class WebhookSubscription {
    static final int MAX_EVENTS = 20;
    static final int MAX_DESCRIPTION = 500;

    private WebhookSubscription() {}

    /** {@code raw} as a target the guard allows now; a refusal is a 400 naming {@code url}. */
    static WebhookUrl url(String raw, TargetGuard guard) {
        WebhookUrl url = WebhookUrl.parse("url", raw);
        Optional<String> refused = guard.refusal(url.value());
        if (refused.isPresent()) {
            throw ValidationFailed.of("url", "is not an allowed target: " + refused.get());
        }
        return url;
    }

    static Set<String> events(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw ValidationFailed.of("events", "must name at least one event type, or *");
        }
        if (raw.size() > MAX_EVENTS) {
            throw ValidationFailed.of("events", "must name at most " + MAX_EVENTS + " event types");
        }
        Set<String> events = new LinkedHashSet<>();
        for (String type : raw) {
            if (type == null || !(Webhook.ALL_EVENTS.equals(type) || WebhookEvents.TYPES.contains(type))) {
                throw ValidationFailed.of(
                        "events",
                        "must be *, or among "
                                + WebhookEvents.TYPES.stream().sorted().toList());
            }
            events.add(type);
        }
        return events;
    }

    static String description(String raw) {
        return raw == null ? "" : Validation.trimmed("description", raw, 0, MAX_DESCRIPTION);
    }
}
