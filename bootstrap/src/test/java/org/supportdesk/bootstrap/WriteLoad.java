package org.supportdesk.bootstrap;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Client threads sending one write over and over until closed, keeping every answer with when it was asked and came. */
final class WriteLoad implements AutoCloseable {
    /** One request: when it started and ended, and its answer; status 0 when none came (timeout, connection lost). */
    record Answer(long startedNanos, long endedNanos, int status, String contentType, String retryAfter) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(endedNanos - startedNanos);
        }
    }

    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients;
    private volatile boolean running = true;

    private WriteLoad(int clients, Supplier<TestHttp.Response> write) {
        this.clients = Executors.newFixedThreadPool(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.submit(() -> {
                while (running) {
                    answers.add(send(write));
                }
            });
        }
    }

    static WriteLoad start(int clients, Supplier<TestHttp.Response> write) {
        return new WriteLoad(clients, write);
    }

    private static Answer send(Supplier<TestHttp.Response> write) {
        long started = System.nanoTime();
        try {
            TestHttp.Response response = write.get();
            return new Answer(
                    started, System.nanoTime(), response.status(), response.contentType(), response.retryAfter());
        } catch (IllegalStateException noAnswer) {
            return new Answer(started, System.nanoTime(), 0, "", "");
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    /**
     * Waits (at most {@code limit}) until {@code count} answers match, and answers the one that made the count.
     *
     * @throws IllegalStateException when they do not come in time
     */
    Answer await(Predicate<Answer> match, int count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            List<Answer> matching = answers.stream().filter(match).toList();
            if (matching.size() >= count) {
                return matching.get(count - 1);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("fewer than " + count + " matching answers within " + limit + ": " + summary());
    }

    /** The answer that ended first among those matching, if any. */
    Optional<Answer> first(Predicate<Answer> match) {
        return answers.stream().filter(match).min(Comparator.comparingLong(Answer::endedNanos));
    }

    String summary() {
        return answers.stream()
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()))
                .toString();
    }

    /** Stops the clients and waits for the requests under way. */
    @Override
    public void close() {
        running = false;
        clients.shutdown();
        try {
            if (!clients.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("clients did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the clients", e);
        } finally {
            clients.shutdownNow();
        }
    }
}
