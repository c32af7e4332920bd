package org.supportdesk.bootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.adapter.persistence.LocalPostgres.SynchronousCommit;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.UserId;

/**
 * The load harness (docs/performance.md, "Load harness: Supportdesk against the bare stack"): a throwaway cluster with
 * durable commits, the real server ({@code Main serve}) and the {@link BareStack} each in a child JVM with the same
 * heap, both seeded through their APIs, then every {@link LoadWorkload} against one and then the other at fixed
 * concurrency for a bounded time, at {@code clients} and again at {@code latencyClients}; then the workloads at {@code
 * clients} spread over {@code tenants} tenants of the server; then, with more instances of the server launched on the
 * same cluster and tenant, spread over all of them; last, the mixed load against the server restarted with the small
 * heap. Run by the {@code bench} profile; {@link LoadHarnessSmokeTest} runs it small.
 */
public final class LoadHarness {
    private static final Map<String, String> UNLIMITED = Map.of(
            Config.RATE_LIMIT_PER_PERSON, "1000000",
            Config.RATE_LIMIT_PER_TENANT, "10000000",
            Config.RATE_LIMIT_PER_ADDRESS, "1000000");

    private final LoadSettings settings;
    private final PrintStream progress;
    private final LoadClients clients = new LoadClients();

    private LoadHarness(LoadSettings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        System.out.println(run(settings, System.out).markdown());
    }

    /** Runs the whole harness with {@code settings}, telling {@code progress} how far it got. */
    static LoadReport run(LoadSettings settings, PrintStream progress) throws IOException, InterruptedException {
        return new LoadHarness(settings, progress).run();
    }

    private LoadReport run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("load-harness-");
        Path log = work.resolve("children.log");
        try (LocalPostgres cluster = LocalPostgres.startThrowaway(SynchronousCommit.ON)) {
            ChildServerRig rig = new ChildServerRig(cluster, work);
            ChildServerRig.Cast cast = rig.onboard("bench");
            String adminToken = rig.token(cast.admin());
            LoadReport report = new LoadReport(String.format(
                    Locale.ROOT,
                    "%d cores, %,d tickets over %,d requesters, -Xmx%s for every service JVM, load average %s at the start",
                    Runtime.getRuntime().availableProcessors(),
                    settings.tickets(),
                    settings.requesters(),
                    settings.heap(),
                    load()));
            LoadTarget serverTarget;
            // Both JVMs are launched before either is awaited: on a busy machine their start-ups overlap.
            try (Child bare = launchBare(cluster, log);
                    Child server = launchServer(rig, settings.heap(), log);
                    JvmProbe bareProbe = JvmProbe.attach(awaitBare(bare).process.pid());
                    JvmProbe serverProbe = JvmProbe.attach(
                            awaitServer(server, adminToken).process.pid())) {
                LoadTarget bareTarget = seededBare(bare.port);
                serverTarget =
                        seededServer(rig, cast, adminToken, server.port, settings.tickets(), settings.requesters());
                LoadReport.Pass first = pass(
                        settings.clients() + " clients",
                        settings.clients(),
                        settings.span(),
                        serverTarget,
                        serverProbe,
                        bareTarget,
                        bareProbe);
                report.add(first);
                if (settings.latencyClients() > 0) {
                    report.add(pass(
                            settings.latencyClients() + " client(s), latency",
                            settings.latencyClients(),
                            settings.latencySpan(),
                            serverTarget,
                            serverProbe,
                            bareTarget,
                            bareProbe));
                }
                if (settings.tenants() > 1) {
                    report.add(tenantsPass(rig, serverTarget, serverProbe, first));
                }
                if (settings.instances() > 1) {
                    report.add(instancesPass(rig, adminToken, serverTarget, serverProbe, first, log));
                }
            }
            if (settings.smallHeap().isPresent()) {
                report.add(smallHeap(
                        rig, adminToken, serverTarget, settings.smallHeap().get(), log));
            }
            progress.printf("load average at the end: %s%n", load());
            return report;
        } finally {
            delete(work);
        }
    }

    /** Every workload at {@code concurrency}: the server's span, then the bare stack's. */
    private LoadReport.Pass pass(
            String title,
            int concurrency,
            Duration span,
            LoadTarget server,
            JvmProbe serverProbe,
            LoadTarget bare,
            JvmProbe bareProbe)
            throws InterruptedException {
        List<LoadReport.Row> rows = new ArrayList<>();
        for (LoadWorkload workload : settings.workloads()) {
            LoadClients.Measurement ours =
                    clients.run(server, workload, concurrency, settings.warmup(), span, serverProbe);
            LoadClients.Measurement theirs =
                    clients.run(bare, workload, concurrency, settings.warmup(), span, bareProbe);
            progress.printf(
                    Locale.ROOT,
                    "%s, %s: Supportdesk %,.0f req/s, bare stack %,.0f req/s%n",
                    title,
                    workload.title,
                    ours.throughput(),
                    theirs.throughput());
            rows.add(new LoadReport.Row(workload, ours, Optional.of(theirs)));
        }
        return new LoadReport.Pass(
                title + ", " + seconds(span) + " per workload after " + seconds(settings.warmup()) + " warm-up",
                rows,
                serverProbe.memory(),
                Optional.of(bareProbe.memory()));
    }

    /**
     * The workloads at {@code clients} spread over {@code tenants} tenants of the one server, client {@code i} in tenant
     * {@code i % tenants}: the seeded tenant and more onboarded now, each seeded with its share of the tickets and
     * requesters. A tenant's writes queue on its own journal chain head and change-feed counter, never on another
     * tenant's, so this is what the writes reach when the clients are not all in one tenant. The bare stack, which has
     * no tenants, is set beside with its figures from the first pass.
     */
    private LoadReport.Pass tenantsPass(
            ChildServerRig rig, LoadTarget seeded, JvmProbe serverProbe, LoadReport.Pass first)
            throws InterruptedException {
        List<LoadTarget> tenants = new ArrayList<>(List.of(seeded));
        for (int i = 2; i <= settings.tenants(); i++) {
            ChildServerRig.Cast cast = rig.onboard("bench-" + i);
            tenants.add(seededServer(
                    rig,
                    cast,
                    rig.token(cast.admin()),
                    seeded.port(),
                    Math.max(1, settings.tickets() / settings.tenants()),
                    Math.max(1, settings.requesters() / settings.tenants())));
        }
        String title = settings.clients() + " clients spread over " + settings.tenants() + " tenants";
        List<LoadReport.Row> rows = new ArrayList<>();
        for (LoadWorkload workload : settings.spreadWorkloads()) {
            LoadClients.Measurement spread =
                    clients.run(tenants, workload, settings.clients(), settings.warmup(), settings.span(), serverProbe);
            LoadReport.Row alone = first.row(workload).orElseThrow();
            progress.printf(
                    Locale.ROOT,
                    "%s, %s: Supportdesk %,.0f req/s, in one tenant %,.0f req/s%n",
                    title,
                    workload.title,
                    spread.throughput(),
                    alone.server().throughput());
            rows.add(new LoadReport.Row(workload, spread, alone.bare()));
        }
        return new LoadReport.Pass(
                title + " (client i in tenant i mod " + settings.tenants() + "), " + seconds(settings.span())
                        + " per workload after " + seconds(settings.warmup())
                        + " warm-up; the bare stack's figures are its first pass's",
                rows,
                serverProbe.memory(),
                Optional.empty());
    }

    /**
     * The workloads at {@code clients} spread over the server and the instances launched beside it now, each with the
     * same heap, cluster and tenant. Not launched earlier: an idle instance would take part of the outbox and the
     * background rounds during the one-instance passes, and so change their figures.
     */
    private LoadReport.InstancesPass instancesPass(
            ChildServerRig rig,
            String adminToken,
            LoadTarget server,
            JvmProbe serverProbe,
            LoadReport.Pass oneInstance,
            Path log)
            throws InterruptedException {
        List<Child> launched = new ArrayList<>();
        List<JvmProbe> probes = new ArrayList<>();
        try {
            for (int i = 1; i < settings.instances(); i++) {
                launched.add(launchServer(rig, settings.heap(), log));
            }
            List<LoadClients.Instance> instances =
                    new ArrayList<>(List.of(new LoadClients.Instance(server, serverProbe)));
            for (Child child : launched) {
                JvmProbe probe =
                        JvmProbe.attach(awaitServer(child, adminToken).process.pid());
                probes.add(probe);
                instances.add(new LoadClients.Instance(server.at(child.port), probe));
            }
            String title = settings.instances() + " instances";
            List<LoadReport.InstancesRow> rows = new ArrayList<>();
            for (LoadWorkload workload : settings.spreadWorkloads()) {
                List<LoadClients.Measurement> measured =
                        clients.run(instances, workload, settings.clients(), settings.warmup(), settings.span());
                LoadReport.InstancesRow row = new LoadReport.InstancesRow(
                        workload,
                        measured,
                        oneInstance.row(workload).orElseThrow().server());
                progress.printf(
                        Locale.ROOT,
                        "%s, %s: %,.0f req/s (%s), one instance %,.0f req/s%n",
                        title,
                        workload.title,
                        row.together().throughput(),
                        measured.stream()
                                .map(each -> String.format(Locale.ROOT, "%,.0f", each.throughput()))
                                .collect(Collectors.joining(" + ")),
                        row.oneInstance().throughput());
                rows.add(row);
            }
            return new LoadReport.InstancesPass(
                    title + " of Supportdesk, " + settings.clients() + " clients spread over them (client i on instance"
                            + " i mod " + settings.instances() + "), " + seconds(settings.span())
                            + " per workload after " + seconds(settings.warmup())
                            + " warm-up, beside the one instance of the " + settings.clients() + "-client pass",
                    rows,
                    instances.stream()
                            .map(instance -> instance.probe().memory())
                            .toList());
        } finally {
            probes.forEach(JvmProbe::close);
            launched.forEach(Child::close);
        }
    }

    /** The mixed load against the server restarted with {@code heap}, on the same data. */
    private LoadReport.Pass smallHeap(ChildServerRig rig, String adminToken, LoadTarget seeded, String heap, Path log)
            throws InterruptedException {
        try (Child server = awaitServer(launchServer(rig, heap, log), adminToken);
                JvmProbe probe = JvmProbe.attach(server.process.pid())) {
            LoadTarget target = seeded.at(server.port);
            LoadClients.Measurement mixed = clients.run(
                    target, LoadWorkload.MIXED, settings.clients(), settings.warmup(), settings.span(), probe);
            progress.printf(
                    Locale.ROOT, "-Xmx%s, mixed: %,.0f req/s, %d not 2xx%n", heap, mixed.throughput(), mixed.failed());
            return new LoadReport.Pass(
                    "Supportdesk alone with -Xmx" + heap + ", " + settings.clients() + " clients, "
                            + seconds(settings.span()) + " after " + seconds(settings.warmup()) + " warm-up",
                    List.of(new LoadReport.Row(LoadWorkload.MIXED, mixed, Optional.empty())),
                    probe.memory(),
                    Optional.empty());
        }
    }

    /** The bare stack's requesters (ids only: it has no people) and tickets filed for them. */
    private LoadTarget seededBare(int port) throws InterruptedException {
        List<String> requesters = IntStream.range(0, settings.requesters())
                .mapToObj(i -> UUID.randomUUID().toString())
                .toList();
        LoadTarget target = new LoadTarget("bare", port, Optional.empty(), requesters, List.of());
        target = target.withTickets(clients.seed(target, settings.tickets(), settings.clients()));
        progress.printf("bare stack seeded with %,d tickets%n", settings.tickets());
        return target;
    }

    /** A tenant of the server: an agent whose token the load carries, requesters, and tickets filed for them. */
    private LoadTarget seededServer(
            ChildServerRig rig, ChildServerRig.Cast cast, String adminToken, int port, int tickets, int requesterCount)
            throws InterruptedException {
        TestHttp admin = new TestHttp(port);
        String agent = created(
                admin,
                adminToken,
                "/api/v1/agents",
                "{\"email\":\"agnes@bench.example\",\"name\":\"Agnes\",\"role\":\"agent\","
                        + "\"password\":\"agnes-password\"}");
        String agentToken = rig.tokens
                .issue(cast.admin().tenant(), new UserId(UUID.fromString(agent)), Role.AGENT)
                .token();
        List<String> requesters = new ArrayList<>();
        for (int i = 0; i < requesterCount; i++) {
            requesters.add(created(
                    admin,
                    adminToken,
                    "/api/v1/customers",
                    "{\"email\":\"requester-" + i + "@bench.example\",\"name\":\"Requester " + i + "\"}"));
        }
        LoadTarget target = new LoadTarget("supportdesk", port, Optional.of(agentToken), requesters, List.of());
        target = target.withTickets(clients.seed(target, tickets, settings.clients()));
        progress.printf(
                "Supportdesk tenant %s seeded with %,d tickets%n",
                cast.admin().tenant().value(), tickets);
        return target;
    }

    private static String created(TestHttp http, String token, String path, String body) {
        TestHttp.Response answer = http.post(token, path, body);
        if (answer.status() != 201) {
            throw new IllegalStateException(path + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().get("id").asText();
    }

    /** A child JVM that serves on {@code port}. */
    private record Child(ServerProcess process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private Child launchServer(ChildServerRig rig, String heap, Path log) {
        int port = ChildServerRig.freePort();
        return new Child(ServerProcess.start(List.of("-Xmx" + heap), rig.environment(UNLIMITED), port, log), port);
    }

    private Child awaitServer(Child server, String adminToken) {
        return awaitServing(server, Optional.of(adminToken), "/api/v1/tickets?limit=1");
    }

    /** The bare stack on a database of its own in the same cluster, with the server's heap. */
    private Child launchBare(LocalPostgres cluster, Path log) {
        try (Connection admin = cluster.superuserConnection("postgres");
                Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE bare OWNER " + cluster.user());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the bare stack's database", e);
        }
        String url = cluster.jdbcUrl().substring(0, cluster.jdbcUrl().lastIndexOf('/') + 1) + "bare";
        int port = ChildServerRig.freePort();
        ServerProcess process = ServerProcess.launch(
                List.of("-Xmx" + settings.heap()),
                BareStack.class.getName(),
                List.of(String.valueOf(port)),
                Map.of("BARE_DB_URL", url, "BARE_DB_USER", cluster.user(), "BARE_DB_PASSWORD", cluster.password()),
                log);
        return new Child(process, port);
    }

    private Child awaitBare(Child bare) {
        return awaitServing(bare, Optional.empty(), "/api/v1/tickets/stats");
    }

    private Child awaitServing(Child child, Optional<String> bearer, String path) {
        try {
            ChildServerRig.await(
                    "the child JVM answering " + path,
                    120,
                    () -> clients.get(child.port, path, bearer) == 200,
                    child.process);
            return child;
        } catch (RuntimeException | Error e) {
            child.close();
            throw e;
        }
    }

    private static String seconds(Duration span) {
        return span.toMillis() % 1000 == 0 ? span.toSeconds() + " s" : span.toMillis() + " ms";
    }

    private static String load() {
        return String.format(
                Locale.ROOT,
                "%.2f",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Removes the harness's directory with what the child JVMs left in it. */
    private static void delete(Path directory) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
