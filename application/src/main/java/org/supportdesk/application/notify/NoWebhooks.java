package org.supportdesk.application.notify;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.port.WebhookTransport;

/**
 * For a core composed without an outbound HTTP adapter (an embedder's, a test's): every webhook target is refused at
 * save, and nothing is ever sent.
 */
public final class NoWebhooks implements WebhookTransport, TargetGuard {
    @Override
    public Optional<String> refusal(URI target) {
        return Optional.of("webhooks are not configured on this server");
    }

    @Override
    public DeliveryOutcome post(URI target, Map<String, String> headers, byte[] body) {
        return DeliveryOutcome.failed("webhooks are not configured on this server", 0);
    }
}
