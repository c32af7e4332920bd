package org.supportdesk.adapter.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.port.WebhookTransport;

/**
 * Webhook POSTs over the JDK's HTTP client: a bounded connect timeout and a bounded whole-answer timeout, redirects
 * never followed (a 3xx is a failed attempt), the answer's body read and discarded, and the target checked by the
 * {@link TargetGuard} before any connection (a second line behind the channel's own check). A 2xx answer is a
 * delivery; anything else, a timeout or an I/O failure is a failed attempt, never an exception.
 */
public final class HttpWebhookTransport implements WebhookTransport {
    private static final String USER_AGENT = "Supportdesk-Webhooks/1";

    private final HttpClient client;
    private final Duration timeout;
    private final TargetGuard guard;

    public HttpWebhookTransport(Duration timeout, TargetGuard guard) {
        this.timeout = timeout;
        this.guard = guard;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public DeliveryOutcome post(URI target, Map<String, String> headers, byte[] body) {
        Optional<String> refused = guard.refusal(target);
        if (refused.isPresent()) {
            return DeliveryOutcome.failed("target refused, no connection made: " + refused.get(), 0);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            long millis = millisSince(start);
            int status = response.statusCode();
            return status >= 200 && status < 300
                    ? DeliveryOutcome.delivered(status, millis)
                    : DeliveryOutcome.refused(status, millis);
        } catch (HttpTimeoutException e) {
            return DeliveryOutcome.failed("no answer within " + timeout.toMillis() + " ms", millisSince(start));
        } catch (IOException e) {
            return DeliveryOutcome.failed("connection failed: " + e.getClass().getSimpleName(), millisSince(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryOutcome.failed("interrupted", millisSince(start));
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
