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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A fixed number of clients sending one workload's requests back to back for a bounded time: a warm-up, then the
 * measured span. Every request that starts in the span counts, with its whole latency, even when it ends after it (a
 * slow one is not dropped for being slow); throughput divides them by the span. An answer that is not 2xx counts as
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

    Measurement run(
            LoadTarget target, LoadWorkload workload, int clients, Duration warmup, Duration span, JvmProbe probe)
            throws InterruptedException {
        long from = System.nanoTime() + warmup.toNanos();
        long to = from + span.toNanos();
        Map<Integer, Long> failures = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        LongAdder counted = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            long[][] mine = {new long[1024]};
            int[] size = {0};
            SplittableRandom random = new SplittableRandom(31L * i + workload.ordinal());
            Thread client = new Thread(
                    () -> {
                        while (System.nanoTime() < to) {
                            long start = System.nanoTime();
                            int status = send(target.request(workload, random));
                            long end = System.nanoTime();
                            if (start < from) {
                                continue;
                            }
                            counted.increment();
                            if (status / 100 != 2) {
                                failures.merge(status, 1L, Long::sum);
                            }
                            if (size[0] == mine[0].length) {
                                mine[0] = Arrays.copyOf(mine[0], size[0] * 2);
                            }
                            mine[0][size[0]++] = end - start;
                        }
                        synchronized (latencies) {
                            latencies.add(Arrays.copyOf(mine[0], size[0]));
                        }
                    },
                    "load-" + target.name() + "-" + i);
            threads.add(client);
            client.start();
        }
        sleepUntil(from);
        JvmProbe.Use before = probe.use();
        for (Thread client : threads) {
            client.join();
        }
        JvmProbe.Use after = probe.use();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Measurement(
                counted.intValue(), span.toNanos() / 1e9, all, new TreeMap<>(failures), after.minus(before));
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
