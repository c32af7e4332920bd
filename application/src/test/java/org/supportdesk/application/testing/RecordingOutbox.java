package org.supportdesk.application.testing;

import java.util.ArrayList;
import java.util.List;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.Outbox;

/** An outbox that keeps what was enqueued, for tests to read. */
public final class RecordingOutbox implements Outbox, Snapshotting {
    private final TenantBinding binding;
    private List<NotificationIntent> intents = new ArrayList<>();

    public RecordingOutbox(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void enqueue(NotificationIntent intent) {
        binding.require(intent.tenant());
        intents.add(intent);
    }

    public synchronized List<NotificationIntent> intents() {
        return List.copyOf(intents);
    }

    @Override
    public synchronized Object snapshot() {
        return new ArrayList<>(intents);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        intents = (List<NotificationIntent>) snapshot;
    }
}
