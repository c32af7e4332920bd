package org.supportdesk.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.http.RawHttp;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.bootstrap.Config;
import org.supportdesk.bootstrap.Onboarding;
import org.supportdesk.bootstrap.Supportdesk;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;

/**
 * S15 at the HTTP level: at least 50,000 malformed requests over raw sockets to the real server on a real PostgreSQL
 * (bad UTF-8 and percent-encoding, lying lengths, huge and broken headers, control bytes, broken JSON, wrong content
 * types, every route with every method, with and without valid tokens). No answer may be a 5xx or carry a stack
 * trace, every refusal with a body is problem+json, nothing hangs, the heap does not grow, and a normal request still
 * works at the end. Rerun a seed with {@code -Dsupportdesk.seed=<seed>}; {@code -Dsupportdesk.httpfuzz.requests=<n>}
 * sends more.
 */
@Timeout(600)
class HttpFuzzTest {
    private static final int REQUESTS = Integer.getInteger("supportdesk.httpfuzz.requests", 50_000);
    /** Requests before the memory baseline: the server's caches and compiled code settle first. */
    private static final int WARM_UP = 5_000;

    /** Over twice what a loaded two-core machine needs; the run stops there whatever it has sent. */
    private static final Duration BUDGET = Duration.ofSeconds(150L * Math.max(1, REQUESTS / 50_000));

    private static final int CLIENTS = 3;
    private static final double MAX_HEAP_GROWTH = 0.10;
    private static final String SECRET = "http-fuzz-secret-that-is-long-enough!!";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPostgres cluster;
    private static Supportdesk desk;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        cluster = LocalPostgres.startThrowaway();
        desk = Supportdesk.start(Config.from(
                Map.of(
                        "SUPPORTDESK_DB_URL", cluster.jdbcUrl(),
                        "SUPPORTDESK_DB_USER", cluster.user(),
                        "SUPPORTDESK_DB_PASSWORD", cluster.password(),
                        "SUPPORTDESK_HOST", "127.0.0.1",
                        "SUPPORTDESK_PORT", "0",
                        "SUPPORTDESK_JWT_SECRET", SECRET,
                        "SUPPORTDESK_DATA_DIR", dataDir.toString()),
                Optional.empty()));
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void malformed_requests_get_no_5xx_no_stack_trace_and_only_problem_refusals() throws Exception {
        long seed = Long.getLong("supportdesk.seed", new Random().nextLong());
        System.out.println("HttpFuzzTest seed " + seed);
        StaffActor acme = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        StaffActor beta = Onboarding.tenant(desk.useCases(), "beta", "boss@beta.example", "boss-password");
        Person agent = person(acme, "agnes", Role.AGENT);
        Person customer = person(acme, "carla", Role.CUSTOMER);
        String customerToken = token(customer.tenant(), customer.id(), Role.CUSTOMER);
        List<String> ids =
                new ArrayList<>(List.of(agent.id().toString(), customer.id().toString()));
        for (int i = 0; i < 3; i++) {
            JsonNode ticket = fileTicket(customerToken);
            ids.add(ticket.get("id").asText());
            ids.add(ticket.get("number").asText());
        }
        MalformedRequests requests = new MalformedRequests(
                desk.port(),
                desk.routes(),
                List.of(
                        token(acme.tenant(), acme.id(), Role.ADMIN),
                        token(agent.tenant(), agent.id(), Role.AGENT),
                        customerToken),
                ids);
        Outcomes outcomes = new Outcomes();

        send(requests, seed, 0, WARM_UP, outcomes);
        Memory before = Memory.now();
        long started = System.nanoTime();
        send(requests, seed, WARM_UP, WARM_UP + REQUESTS, outcomes);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Memory after = Memory.now();
        RawHttp.Response normal = normalRequest(token(beta.tenant(), beta.id(), Role.ADMIN));

        report(seed, outcomes, took, before, after);
        assertThat(outcomes.failures()).as("seed " + seed).isEmpty();
        assertThat(outcomes.sent.sum()).as("requests sent within " + BUDGET).isGreaterThanOrEqualTo(WARM_UP + REQUESTS);
        assertThat(normal.status()).as(normal.text()).isEqualTo(200);
        assertThat((double) after.heapAfterGc()).isLessThanOrEqualTo(before.heapAfterGc() * (1 + MAX_HEAP_GROWTH));
    }

    private static void report(long seed, Outcomes outcomes, Duration took, Memory before, Memory after) {
        System.out.printf(
                "HttpFuzzTest seed %d: %d requests sent (%d after a warm-up of %d, in %d s, %.0f/s by %d clients),"
                        + " %d answers, %d hang-ups, %d timeouts, failures %s%n  statuses %s%n"
                        + "  over the %d requests after warm-up, in-process server: heap after GC %s, heap committed"
                        + " %s, RSS %s%n",
                seed,
                outcomes.sent.sum(),
                REQUESTS,
                WARM_UP,
                took.toSeconds(),
                REQUESTS / Math.max(0.001, took.toMillis() / 1000.0),
                CLIENTS,
                outcomes.answers.sum(),
                outcomes.hangUps.sum(),
                outcomes.timeouts.sum(),
                outcomes.failureCounts(),
                outcomes.histogram(),
                REQUESTS,
                Memory.growth(before.heapAfterGc(), after.heapAfterGc()),
                Memory.growth(before.heapCommitted(), after.heapCommitted()),
                Memory.growth(before.rss(), after.rss()));
    }

    /** Sends requests {@code from} (inclusive) to {@code to} from {@link #CLIENTS} connections, within the budget. */
    private static void send(MalformedRequests requests, long seed, long from, long to, Outcomes outcomes)
            throws InterruptedException, ExecutionException {
        AtomicLong next = new AtomicLong(from);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Callable<Void> client = () -> {
            try (RawHttp connection = new RawHttp(desk.port())) {
                for (long i = next.getAndIncrement();
                        i < to && System.nanoTime() < deadline;
                        i = next.getAndIncrement()) {
                    exchange(connection, requests.request(seed + i), "#" + i, outcomes);
                }
            }
            return null;
        };
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (Future<Void> done : clients.invokeAll(Collections.nCopies(CLIENTS, client))) {
                done.get(); // a client's own failure fails the test
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void exchange(
            RawHttp connection, MalformedRequests.FuzzRequest request, String index, Outcomes outcomes) {
        String described = index + " " + request.kind() + ": "
                + Outcomes.abbreviated(new String(request.bytes(), StandardCharsets.ISO_8859_1));
        outcomes.sent.increment();
        try {
            List<RawHttp.Response> responses = request.framed()
                    ? connection.exchange(request.bytes(), request.head()).stream()
                            .toList()
                    : RawHttp.oneShot(desk.port(), request.bytes());
            if (responses.isEmpty()) {
                outcomes.hangUps.increment();
            }
            responses.forEach(response -> outcomes.answered(described, response));
        } catch (SocketTimeoutException e) {
            outcomes.timedOut(described);
        } catch (IOException e) {
            outcomes.hangUps.increment(); // reset or closed mid-answer
        }
    }

    private static RawHttp.Response normalRequest(String token) throws IOException {
        try (RawHttp connection = new RawHttp(desk.port())) {
            return connection
                    .exchange(
                            ("GET /api/v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                                            + "\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1),
                            false)
                    .orElseThrow();
        }
    }

    private static JsonNode fileTicket(String token) throws IOException {
        byte[] body = "{\"subject\":\"Printer on fire\",\"description\":\"It smokes\",\"category\":\"technical\"}"
                .getBytes(StandardCharsets.UTF_8);
        try (RawHttp connection = new RawHttp(desk.port())) {
            RawHttp.Response filed = connection
                    .exchange(
                            ("POST /api/v1/portal/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                                            + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                                            + "\r\n\r\n" + new String(body, StandardCharsets.ISO_8859_1))
                                    .getBytes(StandardCharsets.ISO_8859_1),
                            false)
                    .orElseThrow();
            assertThat(filed.status()).as(filed.text()).isEqualTo(201);
            return JSON.readTree(filed.body());
        }
    }

    private static Person person(StaffActor admin, String name, Role role) {
        return Onboarding.person(
                desk.useCases(), admin, name + "@acme.example", name, role, Optional.of(name + "-password"));
    }

    private static String token(TenantId tenant, UserId person, Role role) {
        return desk.tokens().issue(tenant, person, role).token();
    }

    /**
     * The in-process server's memory: heap in use right after a full collection (what a leak grows), the heap the JVM
     * has committed, and the process's resident set, which follows the committed heap and compiled code more than any
     * leak.
     */
    private record Memory(long heapAfterGc, long heapCommitted, long rss) {
        static Memory now() throws IOException {
            System.gc();
            System.gc();
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst()
                    .orElse(0L);
            return new Memory(heap.getUsed(), heap.getCommitted(), rssKb * 1024);
        }

        static String growth(long before, long after) {
            return String.format(
                    "%.1f → %.1f MiB (%+.1f %%)",
                    before / 1048576.0, after / 1048576.0, 100.0 * (after - before) / Math.max(1, before));
        }
    }
}
