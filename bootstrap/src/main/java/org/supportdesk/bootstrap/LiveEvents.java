package org.supportdesk.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import org.supportdesk.adapter.http.events.LiveStreams;
import org.supportdesk.adapter.persistence.ChangeListener;
import org.supportdesk.application.UseCases;

/**
 * Live events across instances (docs/live-events.md): this server's open streams, woken by the database's
 * notification of every change-feed append, whichever instance committed it; all of them when the notifications were
 * lost for a while.
 */
record LiveEvents(LiveStreams streams, ChangeListener listener) implements AutoCloseable {
    /** Listens on a connection of its own to where {@code direct} connects: LISTEN needs a session, not a pooler. */
    static LiveEvents start(UseCases.Live useCases, HikariDataSource direct) {
        LiveStreams streams = new LiveStreams(useCases.readChanges());
        return new LiveEvents(streams, ChangeListener.start(direct, streams::wake, streams::wakeAll));
    }

    /** Stops hearing the database, then closes every stream. */
    @Override
    public void close() {
        try {
            listener.close();
        } finally {
            streams.close();
        }
    }
}
