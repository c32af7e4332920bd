package org.supportdesk.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Live event streams measured against the real server (docs/performance.md, "Change feed and live events"): the heap an
 * idle {@code GET /api/v1/events} stream costs the server, and the time from a ticket filing's HTTP answer to each open
 * stream receiving its {@code ticket_created} event, on the instance that wrote and on a second instance on the same
 * database (the {@code LISTEN/NOTIFY} path). Streams are raw sockets speaking minimal HTTP/1.1 on 127.0.0.1. Not a
 * test: run through the {@code bench} profile. Settings: {@code -Dlive.idle} idle streams (1,000), {@code
 * -Dlive.streams} listening streams (100), {@code -Dlive.tickets} filings (200).
 */
public final class LiveStreamBench {
    private static final Pattern TICKET_ID = Pattern.compile("\"ticket_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private LiveStreamBench() {}

    public static void main(String[] args) throws Exception {
        int idle = Integer.getInteger("live.idle", 1_000);
        int listening = Integer.getInteger("live.streams", 100);
        int tickets = Integer.getInteger("live.tickets", 200);
        long clientBytes = clientSocketBytes(idle);
        Path first = Files.createTempDirectory("live-bench-1-");
        Path second = Files.createTempDirectory("live-bench-2-");
        System.out.printf(
                "%d cores, max heap %,d MB, load %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, load());
        try (ApiServer server = ApiServer.start(
                        first,
                        Map.of(
                                Config.RATE_LIMIT_PER_PERSON, "1000000",
                                Config.RATE_LIMIT_PER_TENANT, "10000000",
                                Config.RATE_LIMIT_PER_ADDRESS, "1000000"));
                Supportdesk other = server.anotherInstance(second)) {
            StaffActor boss = Onboarding.tenant(server.desk.useCases(), "acme", "boss@acme.example", "boss-password");
            server.person(boss, "acme", "Agnes", Role.AGENT);
            server.person(boss, "acme", "Carla", Role.CUSTOMER);
            String agent = server.signIn("acme", "agnes@acme.example", "agnes-password");
            String customer = server.signIn("acme", "carla@acme.example", "carla-password");
            int port = server.desk.port();

            // Warm the paths up: a few streams, a few filings.
            List<Stream> warm = open(port, agent, 10, true);
            deliveries(server, customer, warm, 20);
            close(warm);

            // (a) the heap of idle streams, in two steps of `idle` streams, less what the client's own sockets cost in
            // this same process (measured before the server started).
            long before = usedAfterGc();
            long directBefore = direct();
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            List<Stream> idleStreams = open(port, agent, idle, false);
            Thread.sleep(2_000);
            long once = usedAfterGc();
            idleStreams.addAll(open(port, agent, idle, false));
            Thread.sleep(2_000);
            long twice = usedAfterGc();
            long directPerStream = (direct() - directBefore) / (2L * idle);
            int threadsAfter = ManagementFactory.getThreadMXBean().getThreadCount();
            long perStream = (twice - before) / (2L * idle);
            System.out.printf(
                    Locale.ROOT,
                    "idle: heap %,d with no stream, %,d with %,d (+%,d per stream), %,d with %,d (+%,d per stream"
                            + " overall); the client's socket alone %,d bytes%n",
                    before,
                    once,
                    idle,
                    (once - before) / idle,
                    twice,
                    2 * idle,
                    perStream,
                    clientBytes);
            close(idleStreams);
            Thread.sleep(1_000);

            // (b) commit-to-delivery, same instance and other instance.
            List<Stream> same = open(port, agent, listening, true);
            List<Long> sameLatencies = deliveries(server, customer, same, tickets);
            close(same);
            List<Stream> across = open(other.port(), agent, listening, true);
            List<Long> acrossLatencies = deliveries(server, customer, across, tickets);
            close(across);

            System.out.println();
            System.out.println("| measure | value |");
            System.out.println("|---|---|");
            System.out.printf(
                    Locale.ROOT,
                    "| server heap per idle stream (0 → %,d streams, after full GC) | %,d bytes |%n",
                    2 * idle,
                    perStream - clientBytes);
            System.out.printf(
                    Locale.ROOT,
                    "| (subtracted from it: the client's raw socket in the same JVM) | %,d bytes |%n",
                    clientBytes);
            System.out.printf(
                    Locale.ROOT,
                    "| steps: 0 → %,d streams / %,d → %,d streams | %,d / %,d bytes per stream |%n",
                    idle,
                    idle,
                    2 * idle,
                    (once - before) / idle,
                    (twice - once) / idle);
            System.out.printf(
                    Locale.ROOT, "| direct (off-heap) buffers per idle stream | %,d bytes |%n", directPerStream);
            System.out.printf(
                    Locale.ROOT,
                    "| threads before → with %,d idle streams | %d → %d |%n",
                    2 * idle,
                    threadsBefore,
                    threadsAfter);
            System.out.println();
            System.out.println(
                    "| delivery (filing's HTTP answer → stream has `ticket_created`) | streams × tickets | p50"
                            + " | p95 | p99 | max |");
            System.out.println("|---|---|---|---|---|---|");
            row("same instance", listening, tickets, sameLatencies);
            row("second instance (LISTEN/NOTIFY)", listening, tickets, acrossLatencies);
            System.out.printf("load after: %s%n", load());
        } finally {
            delete(first);
            delete(second);
        }
    }

    private static void row(String name, int streams, int tickets, List<Long> latencies) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d × %d (%,d deliveries) | %s | %s | %s | %s |%n",
                name,
                streams,
                tickets,
                latencies.size(),
                millis(percentile(latencies, 0.50)),
                millis(percentile(latencies, 0.95)),
                millis(percentile(latencies, 0.99)),
                millis(percentile(latencies, 1.0)));
    }

    /**
     * Files {@code tickets} tickets one at a time; after each, waits until every stream has its event (at most 10 s)
     * before the next. Answers each delivery's time after the filing's answer (0 when it came before the answer).
     */
    private static List<Long> deliveries(ApiServer server, String customer, List<Stream> streams, int tickets)
            throws InterruptedException {
        List<Long> latencies = new ArrayList<>();
        int early = 0;
        int missed = 0;
        for (int i = 0; i < tickets; i++) {
            CountDownLatch all = new CountDownLatch(streams.size());
            streams.forEach(stream -> stream.expect(all));
            TestHttp.Response filed = server.http.post(
                    customer,
                    "/api/v1/portal/tickets",
                    "{\"subject\":\"Bench " + i + "\",\"description\":\"Details\",\"category\":\"technical\"}");
            long answered = System.nanoTime();
            if (filed.status() != 201) {
                throw new IllegalStateException(filed.status() + " " + filed.body());
            }
            Matcher id = ID.matcher(filed.body());
            if (!id.find()) {
                throw new IllegalStateException(filed.body());
            }
            String ticket = id.group(1);
            if (!all.await(10, TimeUnit.SECONDS)) {
                // counted below as missed
            }
            for (Stream stream : streams) {
                Long at = stream.received.get(ticket);
                if (at == null) {
                    missed++;
                } else {
                    if (at < answered) {
                        early++;
                    }
                    latencies.add(Math.max(0, at - answered));
                }
            }
        }
        System.out.printf("%d deliveries, %d before the filing's answer, %d missed%n", latencies.size(), early, missed);
        return latencies;
    }

    /** One raw SSE connection; reads its events on a thread of its own when {@code reading}. */
    private static final class Stream {
        final Socket socket;
        final Map<String, Long> received = new ConcurrentHashMap<>();
        private volatile CountDownLatch pending;

        Stream(Socket socket) {
            this.socket = socket;
        }

        void expect(CountDownLatch latch) {
            pending = latch;
        }

        /** Reads the body (chunked or not): its lines, noting each ticket_created's ticket id. */
        void read(InputStream in, boolean chunked) {
            try {
                if (!chunked) {
                    String type = "";
                    for (String text = headerLine(in); text != null; text = headerLine(in)) {
                        type = line(text, type, System.nanoTime());
                    }
                    return;
                }
                StringBuilder line = new StringBuilder();
                String type = "";
                while (true) {
                    String size = headerLine(in);
                    if (size == null) {
                        return;
                    }
                    if (size.isEmpty()) {
                        continue;
                    }
                    int length = Integer.parseInt(size.split(";")[0].strip(), 16);
                    if (length == 0) {
                        return;
                    }
                    byte[] chunk = in.readNBytes(length);
                    in.readNBytes(2);
                    long now = System.nanoTime();
                    for (char c : new String(chunk, StandardCharsets.UTF_8).toCharArray()) {
                        if (c != '\n') {
                            line.append(c);
                            continue;
                        }
                        String text = line.toString();
                        line.setLength(0);
                        type = line(text, type, now);
                    }
                }
            } catch (IOException closed) {
                // the stream ended
            }
        }

        /** One line of the event stream; answers the type of the event under way. */
        private String line(String text, String type, long now) {
            if (text.startsWith("event:")) {
                return text.substring(6).strip();
            }
            if (text.startsWith("data:") && type.equals("ticket_created")) {
                Matcher ticket = TICKET_ID.matcher(text);
                if (ticket.find() && received.putIfAbsent(ticket.group(1), now) == null) {
                    CountDownLatch latch = pending;
                    if (latch != null) {
                        latch.countDown();
                    }
                }
                return type;
            }
            return text.isEmpty() ? "" : type;
        }
    }

    private static List<Stream> open(int port, String token, int count, boolean reading) throws IOException {
        List<Stream> streams = new ArrayList<>();
        byte[] request = ("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(0);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            String status = headerLine(in);
            if (status == null || !status.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("stream " + i + ": " + status);
            }
            boolean chunked = false;
            for (String header = headerLine(in); header != null && !header.isEmpty(); header = headerLine(in)) {
                chunked |= header.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked");
            }
            if (i == 0) {
                System.out.printf("streams answer %s, %s%n", status, chunked ? "chunked" : "not chunked");
            }
            Stream stream = new Stream(socket);
            if (reading) {
                boolean isChunked = chunked;
                Thread reader = new Thread(() -> stream.read(in, isChunked), "bench-stream-" + i);
                reader.setDaemon(true);
                reader.start();
            }
            streams.add(stream);
        }
        return streams;
    }

    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return null;
    }

    private static void close(List<Stream> streams) {
        for (Stream stream : streams) {
            try {
                stream.socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /**
     * What one connected client {@link Socket} (with its streams) costs this heap: {@code count} client sockets to a
     * local server socket that has not accepted them yet, the median of three rounds.
     */
    private static long clientSocketBytes(int count) throws IOException {
        List<Long> rounds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rounds.add(clientSocketRound(count));
        }
        Collections.sort(rounds);
        return rounds.get(1);
    }

    private static long clientSocketRound(int count) throws IOException {
        try (ServerSocket listener = new ServerSocket(0, count, InetAddress.getLoopbackAddress())) {
            List<Socket> clients = new ArrayList<>();
            List<Socket> accepted = new ArrayList<>();
            long before = usedAfterGc();
            for (int i = 0; i < count; i++) {
                Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
                client.getOutputStream();
                client.getInputStream();
                clients.add(client);
            }
            long withClients = usedAfterGc();
            for (int i = 0; i < count; i++) {
                accepted.add(listener.accept());
            }
            for (Socket socket : clients) {
                socket.close();
            }
            for (Socket socket : accepted) {
                socket.close();
            }
            return (withClients - before) / count;
        }
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Removes a data directory the harness made, with what the servers left in it. */
    private static void delete(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static long direct() {
        return ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed)
                .sum();
    }

    private static long percentile(List<Long> samples, double p) {
        if (samples.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String millis(long nanos) {
        return nanos < 0 ? "–" : String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
