package org.supportdesk.application.testing;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.port.WebhookTransport;

/** A webhook transport that keeps every POST and answers as a test scripted it (200 when nothing is scripted). */
public final class RecordingWebhookTransport implements WebhookTransport {
    /** One POST as the transport was asked to send it. */
    public record Post(URI target, Map<String, String> headers, byte[] body) {}

    private final List<Post> posts = new ArrayList<>();
    private final Deque<DeliveryOutcome> script = new ArrayDeque<>();

    @Override
    public synchronized DeliveryOutcome post(URI target, Map<String, String> headers, byte[] body) {
        posts.add(new Post(target, Map.copyOf(headers), body.clone()));
        return script.isEmpty() ? DeliveryOutcome.delivered(200, 1) : script.removeFirst();
    }

    /** The next answers, in order. */
    public synchronized void answer(DeliveryOutcome... outcomes) {
        script.addAll(List.of(outcomes));
    }

    public synchronized List<Post> posts() {
        return List.copyOf(posts);
    }
}
