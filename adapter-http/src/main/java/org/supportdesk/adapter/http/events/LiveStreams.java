package org.supportdesk.adapter.http.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.sse.SseClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.http.json.JsonMapping;
import org.supportdesk.application.feed.FeedItem;
import org.supportdesk.application.feed.ReadChanges;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The open event streams of this server (docs/live-events.md). A stream holds no thread while idle: it is a cursor and
 * a connection. When its tenant's feed moves ({@link #wake}, from PostgreSQL's {@code LISTEN/NOTIFY} on whichever
 * instance wrote, or the catch-up every {@link #CATCH_UP}), each stream of the tenant reads the feed after its own cursor, under its
 * reader's rights, and sends what it finds: so every instance serves every client, and a stream misses nothing a wake-up
 * might have lost. A comment every {@link #HEARTBEAT} keeps proxies from closing a quiet stream and finds dead ones;
 * every {@link #RECHECK} each stream's reader is identified again, so a deactivated person's stream closes within
 * seconds.
 */
public final class LiveStreams implements AutoCloseable {
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    public static final Duration RECHECK = Duration.ofSeconds(5);
    /** How often every stream reads on unasked: a safety net under the wake-ups, which a network fault may lose. */
    public static final Duration CATCH_UP = Duration.ofSeconds(30);
    /** How many events one read of a stream takes at most. */
    static final int BATCH = 500;

    private static final Logger LOG = LoggerFactory.getLogger(LiveStreams.class);

    private final ReadChanges feed;
    private final ObjectMapper json;
    private final Map<TenantId, Set<Stream>> byTenant = new ConcurrentHashMap<>();
    private final ExecutorService senders;
    private final ScheduledExecutorService timers;

    public LiveStreams(ReadChanges feed) {
        this.feed = feed;
        this.json = JsonMapping.create();
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(
                2, runnable -> daemon(runnable, "supportdesk-live-" + count.incrementAndGet()));
        this.timers =
                Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, "supportdesk-live-timer"));
        timers.scheduleWithFixedDelay(
                this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::recheck, RECHECK.toMillis(), RECHECK.toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::wakeAll, CATCH_UP.toMillis(), CATCH_UP.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Follows the feed on {@code client} for {@code reader} after {@code after} (the {@code Last-Event-ID} or {@code
     * ?after=}, if any); {@code readerNow} answers who the reader is now, empty once they may no longer read.
     */
    public void open(SseClient client, Actor reader, OptionalLong after, Supplier<Optional<Actor>> readerNow) {
        ReadChanges.Start start = feed.start(reader, after);
        Stream stream = new Stream(client, reader, start.cursor(), readerNow);
        client.keepAlive();
        client.onClose(() -> forget(stream));
        byTenant.computeIfAbsent(reader.tenant(), tenant -> ConcurrentHashMap.newKeySet())
                .add(stream);
        synchronized (stream) {
            if (start.reset()) {
                stream.reset(start.cursor());
            } else {
                client.sendComment("connected");
            }
        }
        stream.wake();
    }

    /** The feed of {@code tenant} moved: its streams read on. */
    public void wake(TenantId tenant) {
        byTenant.getOrDefault(tenant, Set.of()).forEach(Stream::wake);
    }

    /** Every stream reads on: after a lost connection to the database's notifications, and as a periodic catch-up. */
    public void wakeAll() {
        byTenant.values().forEach(streams -> streams.forEach(Stream::wake));
    }

    /** How many streams are open on this server. */
    public int openStreams() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        senders.shutdownNow();
        byTenant.values().forEach(streams -> streams.forEach(Stream::end));
        byTenant.clear();
    }

    private void heartbeat() {
        byTenant.values()
                .forEach(streams ->
                        streams.forEach(stream -> stream.send(() -> stream.client.sendComment("heartbeat"))));
    }

    private void recheck() {
        byTenant.values()
                .forEach(streams -> streams.forEach(stream -> {
                    try {
                        if (stream.readerNow.get().isEmpty()) {
                            stream.client.close();
                            forget(stream);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Could not check the reader of a stream again; checking on the next round", e);
                    }
                }));
    }

    private void forget(Stream stream) {
        Set<Stream> streams = byTenant.get(stream.reader.tenant());
        if (streams != null) {
            streams.remove(stream);
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** One open stream: writes to it are serialised on it; reads of the feed run one at a time per stream. */
    private final class Stream {
        private final SseClient client;
        private final Actor reader;
        private final Supplier<Optional<Actor>> readerNow;
        private final AtomicBoolean pending = new AtomicBoolean();
        private final AtomicBoolean draining = new AtomicBoolean();
        private long cursor;

        Stream(SseClient client, Actor reader, long cursor, Supplier<Optional<Actor>> readerNow) {
            this.client = client;
            this.reader = reader;
            this.cursor = cursor;
            this.readerNow = readerNow;
        }

        void wake() {
            pending.set(true);
            if (draining.compareAndSet(false, true)) {
                senders.execute(this::drain);
            }
        }

        /** Reads on until nothing more is pending; a wake during the read is picked up by the loop, never lost. */
        private void drain() {
            try {
                while (pending.getAndSet(false) && !client.terminated()) {
                    readOn();
                }
            } catch (RuntimeException e) {
                LOG.warn("A live stream could not read the change feed; it reads on at the next wake-up", e);
            } finally {
                draining.set(false);
                if (pending.get() && !client.terminated()) {
                    wake();
                }
            }
        }

        private void readOn() {
            while (true) {
                ReadChanges.Changes changes;
                try {
                    changes = feed.handle(new ReadChanges.Command(reader, OptionalLong.of(cursor), BATCH));
                } catch (ValidationFailed expired) {
                    // Purged while this stream lagged behind the retention period.
                    send(() -> reset(feed.start(reader, OptionalLong.empty()).cursor()));
                    return;
                }
                for (FeedItem item : changes.items()) {
                    String data = serialised(ChangeFeedResponse.Item.of(item));
                    send(() -> client.sendEvent(item.type(), data, Long.toString(item.cursor())));
                }
                boolean movedOn = changes.nextCursor() > cursor;
                cursor = changes.nextCursor();
                if (!movedOn) {
                    return;
                }
            }
        }

        /** Tells the reader to reload: what follows {@code from} is all this stream sends from now on. */
        void reset(long from) {
            cursor = from;
            client.sendEvent("reset", "{\"cursor\":" + from + "}", Long.toString(from));
        }

        /** Ends the stream: the client sees its end, and this server forgets it. */
        synchronized void end() {
            forget(this);
            try {
                client.close();
            } catch (RuntimeException alreadyGone) {
                LOG.debug("A stream ended while it was closing", alreadyGone);
            }
        }

        synchronized void send(Runnable write) {
            if (!client.terminated()) {
                write.run();
            }
        }

        private String serialised(Object value) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a feed item could not be written", e);
            }
        }
    }
}
