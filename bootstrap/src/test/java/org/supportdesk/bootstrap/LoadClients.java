package org.supportdesk.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A fixed number of clients sending one workload's requests back to back for a bounded time, to one service or spread
 * over several instances of it: a warm-up, then the measured span. Every request that starts in the span counts, with
 * its whole latency, even when it ends after it (a slow one is not dropped for being slow); throughput divides them by
 * the span. An answer that is not 2xx counts as
 * such by its status; a request with no answer (refused, reset, timed out) counts under status 0.
 */
final class LoadClients {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What one span of one workload on one target measured. */
    record Measurement(
            int requests, double seconds, long[] sortedNanos, Map<Integer, Long> failures, JvmProbe.Use use) {
        /** Several targets' measurements of one span as one: their requests, latencies, failures and use added up. */
        static Measurement together(List<Measurement> parts) {
            Map<Integer, Long> failures = new TreeMap<>();
            parts.forEach(part -> part.failures.forEach((status, count) -> failures.merge(status, count, Long::sum)));
            return new Measurement(
                    parts.stream().mapToInt(Measurement::requests).sum(),
                    parts.get(0).seconds,
                    parts.stream()
                            .flatMapToLong(part -> Arrays.stream(part.sortedNanos))
                            .sorted()
                            .toArray(),
                    failures,
                    parts.stream()
                            .map(Measurement::use)
                            .reduce(JvmProbe.Use::plus)
                            .orElseThrow());
        }

        Measurement using(JvmProbe.Use measuredUse) {
            return new Measurement(requests, seconds, sortedNanos, failures, measuredUse);
        }

        double throughput() {
            return requests / seconds;
        }

        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        /** The latency below which a share {@code p} of the requests finished, in nanoseconds. */
        long percentile(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))];
        }
    }

    /** A target and the probe of the JVM that serves it. */
    record Instance(LoadTarget target, JvmProbe probe) {}

    Measurement run(
            LoadTarget target, LoadWorkload workload, int clients, Duration warmup, Duration span, JvmProbe probe)
            throws InterruptedException {
        return run(List.of(target), workload, clients, warmup, span, probe);
    }

    /**
     * One span with the clients spread over {@code targets} that one JVM serves (tenants of one server), client {@code
     * i} on target {@code i % n}: their figures together, with the JVM's use counted once.
     */
    Measurement run(
            List<LoadTarget> targets,
            LoadWorkload workload,
            int clients,
            Duration warmup,
            Duration span,
            JvmProbe probe)
            throws InterruptedException {
        List<Measurement> measured = run(
                targets.stream().map(target -> new Instance(target, probe)).toList(), workload, clients, warmup, span);
        return Measurement.together(measured).using(measured.get(0).use());
    }

    /**
     * One span with the clients spread over {@code instances}, client {@code i} on instance {@code i % n}, as a
     * balancer would: a measurement per instance, in their order, each with its own JVM's use.
     */
    List<Measurement> run(List<Instance> instances, LoadWorkload workload, int clients, Duration warmup, Duration span)
            throws InterruptedException {
        if (clients < instances.size()) {
            throw new IllegalArgumentException(clients + " clients leave some of " + instances.size() + " idle");
        }
        long from = System.nanoTime() + warmup.toNanos();
        long to = from + span.toNanos();
        double seconds = span.toNanos() / 1e9;
        Measurement[] perClient = new Measurement[clients];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            LoadTarget target = instances.get(i % instances.size()).target();
            SplittableRandom random = new SplittableRandom(31L * i + workload.ordinal());
            Thread thread = new Thread(
                    () -> {
                        long[] nanos = new long[1024];
                        int size = 0;
                        Map<Integer, Long> failures = new TreeMap<>();
                        while (System.nanoTime() < to) {
                            long start = System.nanoTime();
                            int status = send(target.request(workload, random));
                            long end = System.nanoTime();
                            if (start < from) {
                                continue;
                            }
                            if (status / 100 != 2) {
                                failures.merge(status, 1L, Long::sum);
                            }
                            if (size == nanos.length) {
                                nanos = Arrays.copyOf(nanos, size * 2);
                            }
                            nanos[size++] = end - start;
                        }
                        long[] sorted = Arrays.copyOf(nanos, size);
                        Arrays.sort(sorted);
                        perClient[client] = new Measurement(size, seconds, sorted, failures, JvmProbe.Use.NONE);
                    },
                    "load-" + target.name() + "-" + i);
            threads.add(thread);
            thread.start();
        }
        sleepUntil(from);
        List<JvmProbe.Use> before =
                instances.stream().map(instance -> instance.probe().use()).toList();
        for (Thread thread : threads) {
            thread.join();
        }
        List<Measurement> measured = new ArrayList<>();
        for (int n = 0; n < instances.size(); n++) {
            List<Measurement> itsClients = new ArrayList<>();
            for (int i = n; i < clients; i += instances.size()) {
                itsClients.add(perClient[i]);
            }
            JvmProbe.Use use = instances.get(n).probe().use().minus(before.get(n));
            measured.add(Measurement.together(itsClients).using(use));
        }
        return measured;
    }

    /** The status of a GET of {@code path} on 127.0.0.1:{@code port}, 0 when none came. */
    int get(int port, String path, Optional<String> bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5))
                .GET();
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return send(request.build());
    }

    /** Sends {@code request} and answers its status, 0 when none came. */
    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException noAnswer) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Files {@code count} tickets over {@code clients} clients; answers their ids, or fails on any non-201. */
    List<String> seed(LoadTarget target, int count, int clients) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int first = i;
            SplittableRandom random = new SplittableRandom(7L * i);
            Thread client = new Thread(
                    () -> {
                        List<String> mine = new ArrayList<>();
                        for (int n = first; n < count; n += clients) {
                            String answer = created(target, random);
                            if (!answer.startsWith("{")) {
                                synchronized (problems) {
                                    problems.add(answer);
                                }
                                return;
                            }
                            mine.add(idOf(answer));
                        }
                        synchronized (ids) {
                            ids.addAll(mine);
                        }
                    },
                    "seed-" + target.name() + "-" + i);
            threads.add(client);
            client.start();
        }
        for (Thread client : threads) {
            client.join();
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("seeding " + target.name() + " failed: " + problems);
        }
        return ids;
    }

    /** The body of a 201 to a filing, or a line that says what else came. */
    private String created(LoadTarget target, SplittableRandom random) {
        try {
            HttpResponse<String> answer = http.send(target.create(random), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 201 ? answer.body() : answer.statusCode() + " " + answer.body();
        } catch (IOException e) {
            return "no answer: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The top-level {@code id} of a JSON answer. */
    static String idOf(String json) {
        try {
            return JSON.readTree(json).get("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
