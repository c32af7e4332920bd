package org.supportdesk.domain.port;

import java.net.URI;
import java.util.Map;
import org.supportdesk.domain.notify.DeliveryOutcome;

/**
 * POSTs a signed webhook body (supportdesk-adapter-notify): bounded connect and answer timeouts, redirects never
 * followed, and the target checked by the {@link TargetGuard} again before any connection.
 */
public interface WebhookTransport {
    /** One POST of {@code body} (JSON) with {@code headers}; answers what came of it and never throws for the peer. */
    DeliveryOutcome post(URI target, Map<String, String> headers, byte[] body);
}
