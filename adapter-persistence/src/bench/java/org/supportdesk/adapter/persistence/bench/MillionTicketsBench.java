package org.supportdesk.adapter.persistence.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.supportdesk.adapter.persistence.Database;
import org.supportdesk.adapter.persistence.DatabaseConfig;
import org.supportdesk.adapter.persistence.JdbiStores;
import org.supportdesk.adapter.persistence.LocalAttachmentStore;
import org.supportdesk.adapter.persistence.LocalPostgres;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.query.ExportTickets;
import org.supportdesk.application.query.ListCustomerTickets;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.query.ShowTicketStats;
import org.supportdesk.application.query.TicketSelection;
import org.supportdesk.application.sla.ScanSlaBreaches;
import org.supportdesk.application.testing.FakePasswordHashing;
import org.supportdesk.domain.port.ListCursor;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * A million tickets in one tenant (docs/performance.md, "A million tickets in one tenant"): loads them through COPY
 * ({@link MillionTenantLoader}) beside three small tenants, then measures, through the real use cases and JDBI
 * adapters as the runtime role under row-level security, every list filter and sort of the desk API, search, stats and
 * the portal list (p50/p95/p99 against the 50 ms target), the SLA breach scan over the open tickets, and the CSV
 * export's heap. Finally it runs the slowest shapes once more with {@code auto_explain} and writes their EXPLAIN
 * (ANALYZE, BUFFERS) to {@code target/million-plans.txt}. Not a test: run through the {@code bench} profile with
 * {@code -Dfeed.skip=true -Dmillion.skip=false}. Settings: {@code -Dmillion.tickets} (1,000,000), {@code
 * -Dmillion.customers} (50,000), {@code -Dmillion.runs} per shape (200, within a minute), {@code -Dmillion.backlogHours}
 * (24: breaches younger than that are left for the scan), {@code -Dmillion.dir} (a kept cluster, loaded once and reused
 * by later runs), {@code -Dmillion.only} (measure only the shapes whose name contains it, or one of its
 * {@code |}-separated parts, nothing else; a part {@code breach} also runs the breach scan).
 */
public final class MillionTicketsBench {
    private static final double TARGET_MILLIS = 50;

    private final UseCases useCases;
    private final MillionTenantLoader.Tenant tenant;
    private final StaffActor agent;
    private final StaffActor admin;
    private final int runs;
    private final Instant now;

    private MillionTicketsBench(UseCases useCases, MillionTenantLoader.Tenant tenant, int runs, Instant now) {
        this.useCases = useCases;
        this.tenant = tenant;
        TenantId id = new TenantId(tenant.id());
        this.agent = new StaffActor(id, new UserId(tenant.agents().get(0)), "Agent 0", Role.AGENT);
        this.admin = new StaffActor(id, new UserId(tenant.admin()), "Ada Admin", Role.ADMIN);
        this.runs = runs;
        this.now = now;
    }

    public static void main(String[] args) throws Exception {
        int tickets = Integer.getInteger("million.tickets", 1_000_000);
        int customers = Integer.getInteger("million.customers", 50_000);
        int runs = Integer.getInteger("million.runs", 200);
        Duration backlog = Duration.ofHours(Long.getLong("million.backlogHours", 24));
        System.out.printf(
                Locale.ROOT,
                "machine: %d CPUs, load %s, JDK %s, heap max %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                load(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20);
        Optional<Path> kept =
                Optional.ofNullable(System.getProperty("million.dir")).map(Path::of);
        try (LocalPostgres cluster = kept.map(LocalPostgres::startKept).orElseGet(LocalPostgres::startThrowaway)) {
            tune(cluster);
            try (HikariDataSource owner =
                    Database.pool(new DatabaseConfig(cluster.jdbcUrl(), cluster.user(), cluster.password(), 2))) {
                Database.migrate(owner);
                Database.grantRuntimeAccess(owner, cluster.runtimeUser());
            }
            HikariDataSource runtime = runtimePool(cluster);
            Clock clock = Clock.systemUTC();
            UseCases useCases = useCases(runtime, clock);
            JdbiStores stores = JdbiStores.over(Database.jdbi(runtime), clock);
            Instant now = clock.instant();

            MillionTenantLoader.Tenant big;
            try (Connection control = cluster.superuserConnection("supportdesk")) {
                Optional<UUID> loaded = MillionTenantLoader.tenantOf(control, "million");
                if (loaded.isPresent()) {
                    big = MillionTenantLoader.existing(control, loaded.get());
                    System.out.printf(
                            Locale.ROOT,
                            "reusing the cluster in %s: %,d open tickets, %,d messages%n",
                            kept.orElseThrow(),
                            big.openTickets(),
                            big.messages());
                } else {
                    big = load(cluster, control, useCases, stores, now, tickets, customers, backlog);
                }
            }

            MillionTicketsBench bench = new MillionTicketsBench(useCases, big, runs, now);
            bench.readThroughTheRepository(stores, 2_000);
            List<Timings> results = bench.measure();
            System.out.println();
            System.out.println("| query | runs | p50 ms | p95 ms | p99 ms | max ms | p95 ≤ 50 ms |");
            System.out.println("|---|---|---|---|---|---|---|");
            results.forEach(t -> System.out.println(t.row(TARGET_MILLIS)));
            System.out.println("load after the measurements: " + load());
            System.out.println();
            Optional<String> only = Optional.ofNullable(System.getProperty("million.only"));
            if (only.isEmpty() || List.of(only.get().split("\\|")).contains("breach")) {
                bench.breachScan(cluster);
            }
            if (only.isEmpty()) {
                bench.export();
                runtime.close();
                bench.explainSlowest(cluster, results);
            }
        }
    }

    // ---- set-up ----------------------------------------------------------------------------------------------------

    /**
     * Memory for a 5 GB database on a 24 GB machine, and room for the bulk load, without the previous run's {@code
     * auto_explain}; set on the cluster, which restarts to take them.
     */
    private static void tune(LocalPostgres cluster) throws SQLException {
        try (Connection connection = cluster.superuserConnection("postgres");
                Statement sql = connection.createStatement()) {
            sql.execute("LOAD 'auto_explain'"); // so that ALTER SYSTEM knows its settings
            for (String setting : List.of(
                    "session_preload_libraries",
                    "auto_explain.log_min_duration",
                    "auto_explain.log_analyze",
                    "auto_explain.log_buffers")) {
                sql.execute("ALTER SYSTEM RESET " + setting); // a kept cluster's plans pass of the previous run
            }
            sql.execute("ALTER SYSTEM SET shared_buffers = '2GB'");
            sql.execute("ALTER SYSTEM SET maintenance_work_mem = '1GB'");
            sql.execute("ALTER SYSTEM SET max_wal_size = '16GB'");
            sql.execute("ALTER SYSTEM SET checkpoint_timeout = '30min'");
        }
        cluster.stop(LocalPostgres.Shutdown.FAST);
        cluster.start();
    }

    private static MillionTenantLoader.Tenant load(
            LocalPostgres cluster,
            Connection control,
            UseCases useCases,
            JdbiStores stores,
            Instant now,
            int tickets,
            int customers,
            Duration backlog)
            throws SQLException, IOException {
        long loadStart = System.nanoTime();
        List<Connection> copies = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                copies.add(cluster.superuserConnection("supportdesk"));
            }
            MillionTenantLoader.withoutTriggers(copies);
            Map<String, String> indexes = dropSecondaryIndexes(control);
            TenantId bigId = createTenant(useCases, "million");
            SlaPolicy policy = stores.transactions()
                    .inTransaction(bigId, () -> stores.slaSettings().policy(bigId, 1));
            BusinessCalendar calendar = stores.transactions()
                    .inTransaction(bigId, () -> stores.slaSettings().calendar(bigId, 1));
            MillionTenantLoader loader = new MillionTenantLoader(control, copies, policy, calendar, now);
            MillionTenantLoader.Tenant big = loader.load(
                    bigId.value(),
                    new MillionTenantLoader.Shape(
                            tickets, customers, customers / 10, 200, 200, Duration.ofDays(730), backlog),
                    15);
            long copied = System.nanoTime();
            System.out.printf(
                    Locale.ROOT,
                    "COPY of %,d tickets (%,d open), %,d messages: %.1f s%n",
                    tickets,
                    big.openTickets(),
                    big.messages(),
                    (copied - loadStart) / 1e9);
            for (int i = 1; i <= 3; i++) {
                TenantId small = createTenant(useCases, "small-" + i);
                loader.load(
                        small.value(),
                        new MillionTenantLoader.Shape(2_000, 300, 30, 5, 40, Duration.ofDays(365), backlog),
                        i);
            }
            MillionTenantLoader.recount(control);
            long indexStart = System.nanoTime();
            try (Statement sql = control.createStatement()) {
                sql.execute("SET max_parallel_maintenance_workers = 2");
                for (String definition : indexes.values()) {
                    sql.execute(definition);
                }
                long vacuumStart = System.nanoTime();
                System.out.printf(Locale.ROOT, "indexes rebuilt: %.1f s%n", (vacuumStart - indexStart) / 1e9);
                sql.execute("VACUUM ANALYZE");
                System.out.printf(Locale.ROOT, "VACUUM ANALYZE: %.1f s%n", (System.nanoTime() - vacuumStart) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "load total: %.1f s; database %s%n",
                    (System.nanoTime() - loadStart) / 1e9,
                    size(control));
            return big;
        } finally {
            for (Connection copy : copies) {
                copy.close();
            }
        }
    }

    private static HikariDataSource runtimePool(LocalPostgres cluster) {
        return Database.pool(
                new DatabaseConfig(cluster.jdbcUrl(), cluster.runtimeUser(), cluster.runtimePassword(), 4));
    }

    private static UseCases useCases(HikariDataSource runtime, Clock clock) throws IOException {
        Path files = Files.createTempDirectory("supportdesk-million-");
        files.toFile().deleteOnExit();
        return UseCases.over(
                JdbiStores.over(Database.jdbi(runtime), clock)
                        .ports(new FakePasswordHashing(), new SecureRandomSecrets(), LocalAttachmentStore.under(files)),
                new TimeOrderedIds(clock),
                () -> "million-bench",
                clock);
    }

    private static TenantId createTenant(UseCases useCases, String slug) {
        TenantId id = new TenantId(UUID.randomUUID());
        useCases.createTenant()
                .handle(new CreateTenant.Command(Optional.of(id), new TenantSlug(slug), slug, Optional.empty()));
        return id;
    }

    /**
     * Drops the secondary indexes of the bulk tables so COPY does not maintain them row by row; answers their
     * definitions, to build again once the rows are in.
     */
    private static Map<String, String> dropSecondaryIndexes(Connection control) throws SQLException {
        Map<String, String> definitions = new LinkedHashMap<>();
        try (Statement sql = control.createStatement();
                ResultSet rows = sql.executeQuery(
                        """
                        SELECT i.indexname, i.indexdef FROM pg_indexes i
                         WHERE i.schemaname = current_schema()
                           AND i.tablename IN ('tickets', 'messages', 'ticket_tags', 'journal')
                           AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                         ORDER BY i.tablename, i.indexname
                        """)) {
            while (rows.next()) {
                definitions.put(rows.getString(1), rows.getString(2));
            }
        }
        try (Statement sql = control.createStatement()) {
            for (String index : definitions.keySet()) {
                sql.execute("DROP INDEX " + index);
            }
        }
        return definitions;
    }

    /** Every sampled ticket and its conversation restore through the real repository: the rows are valid domain. */
    private void readThroughTheRepository(JdbiStores stores, int samples) {
        TenantId id = new TenantId(tenant.id());
        List<UUID> ids = stores.transactions().inTransaction(id, () -> stores.jdbi()
                .withHandle(handle -> handle.createQuery("SELECT id FROM tickets TABLESAMPLE SYSTEM (1) LIMIT :n")
                        .bind("n", samples)
                        .mapTo(UUID.class)
                        .list()));
        long messages = 0;
        for (UUID ticket : ids) {
            messages += stores.transactions().inTransaction(id, () -> {
                stores.tickets().find(id, new TicketId(ticket)).orElseThrow();
                return stores.tickets().messagesOf(id, new TicketId(ticket)).size();
            });
        }
        System.out.printf(
                Locale.ROOT, "read back through JdbiTicketRepository: %d tickets, %d messages%n", ids.size(), messages);
    }

    // ---- the measured shapes ---------------------------------------------------------------------------------------

    /** One measured query shape: its name, and a run of it with parameters varied by the run number. */
    private record Shape(String name, IntConsumer run) {}

    private List<Timings> measure() {
        List<Timings> results = new ArrayList<>();
        List<String> only = List.of(System.getProperty("million.only", "").split("\\|"));
        for (Shape shape : shapes().stream()
                .filter(s -> only.stream().anyMatch(s.name()::contains))
                .toList()) {
            Timings timings = Timings.of(shape.name(), runs, shape.run());
            System.out.println(timings.row(TARGET_MILLIS));
            results.add(timings);
        }
        return results;
    }

    private List<Shape> shapes() {
        List<Shape> results = new ArrayList<>();
        for (String sort :
                List.of("-created", "created", "-updated", "updated", "-priority", "priority", "due", "-due")) {
            results.add(list("all, sort " + sort + ", pages 1–5", i -> TicketFilter.ALL, sort, i -> 1 + i % 5));
        }
        results.add(list("all, -created, page 500 (offset 9,980)", i -> TicketFilter.ALL, "-created", i -> 500));
        // Keyset pagination (docs/adr/0025): page 10,000 by offset skips 199,980 rows; by cursor it starts at its row.
        results.add(list("all, -created, page 10,000 by offset", i -> TicketFilter.ALL, "-created", i -> 10_000));
        for (String sort : List.of("-created", "priority", "due")) {
            results.add(afterCursor("all, " + sort + ", page 10,000 by cursor", sort, 10_000));
        }
        results.add(list(
                "status open (4 statuses)",
                i -> statuses(
                        TicketStatus.NEW,
                        TicketStatus.IN_PROGRESS,
                        TicketStatus.WAITING_ON_CUSTOMER,
                        TicketStatus.ON_HOLD),
                "-created",
                i -> 1));
        results.add(list("status new, sort due", i -> statuses(TicketStatus.NEW), "due", i -> 1));
        results.add(list("status closed", i -> statuses(TicketStatus.CLOSED), "-created", i -> 1));
        results.add(list(
                "priority urgent",
                i -> TicketFilter.builder().priorities(Set.of(Priority.URGENT)).build(),
                "-created",
                i -> 1));
        results.add(list(
                "category (varied)",
                i -> TicketFilter.builder()
                        .categories(Set.of(new Category(
                                tenant.categories().get(i % tenant.categories().size()))))
                        .build(),
                "-created",
                i -> 1));
        results.add(list(
                "assignee (varied agent)",
                i -> TicketFilter.builder()
                        .assignee(TicketFilter.AssigneeFilter.of(new UserId(pick(tenant.agents(), i))))
                        .build(),
                "-created",
                i -> 1));
        results.add(list(
                "assignee = me, open, sort due",
                i -> TicketFilter.builder()
                        .assignee(TicketFilter.AssigneeFilter.of(new UserId(pick(tenant.agents(), i))))
                        .statuses(Set.of(
                                TicketStatus.NEW,
                                TicketStatus.IN_PROGRESS,
                                TicketStatus.WAITING_ON_CUSTOMER,
                                TicketStatus.ON_HOLD))
                        .build(),
                "due",
                i -> 1));
        results.add(list(
                "unassigned (queue)",
                i -> TicketFilter.builder()
                        .assignee(TicketFilter.AssigneeFilter.NONE)
                        .build(),
                "-created",
                i -> 1));
        results.add(list(
                "unassigned and new, sort due",
                i -> TicketFilter.builder()
                        .assignee(TicketFilter.AssigneeFilter.NONE)
                        .statuses(Set.of(TicketStatus.NEW))
                        .build(),
                "due",
                i -> 1));
        results.add(list(
                "requester (varied customer)",
                i -> TicketFilter.builder()
                        .requester(Optional.of(
                                new UserId(pick(tenant.customers(), i).id())))
                        .build(),
                "-created",
                i -> 1));
        results.add(list(
                "organization (varied)",
                i -> TicketFilter.builder()
                        .organization(Optional.of(new OrganizationId(pick(tenant.organizations(), i))))
                        .build(),
                "-created",
                i -> 1));
        results.add(list(
                "tag (varied, 200 tags)",
                i -> TicketFilter.builder()
                        .tag(Optional.of(pick(tenant.tags(), i)))
                        .build(),
                "-created",
                i -> 1));
        results.add(list(
                "escalated",
                i -> TicketFilter.builder().escalated(Optional.of(true)).build(),
                "-created",
                i -> 1));
        results.add(list(
                "sla_breached",
                i -> TicketFilter.builder().slaBreached(Optional.of(true)).build(),
                "-created",
                i -> 1));
        results.add(list(
                "created in one day (varied)",
                i -> created(Duration.ofDays(1 + i % 700), Duration.ofDays(1)),
                "-created",
                i -> 1));
        results.add(list(
                "created in 30 days (varied)",
                i -> created(Duration.ofDays(30 + i % 600), Duration.ofDays(30)),
                "-created",
                i -> 1));
        results.add(
                list("q: rare code (E1234, varied)", i -> text("E" + (1000 + (i * 37) % 9000)), "relevance", i -> 1));
        results.add(list("q: ticket number prefix", i -> text("TKT-2026-00" + (10 + i % 80)), "relevance", i -> 1));
        results.add(list(
                "q: common word (product, varied)",
                i -> text(pick(MillionTenantLoader.PRODUCTS, i)),
                "relevance",
                i -> 1));
        results.add(list(
                "q: two words",
                i -> text(pick(MillionTenantLoader.PRODUCTS, i) + " "
                        + pick(MillionTenantLoader.PROBLEMS, i).split(" ")[0]),
                "relevance",
                i -> 1));
        results.add(list(
                "q: requester's email (varied)",
                i -> text(pick(tenant.customers(), i).email()),
                "relevance",
                i -> 1));
        results.add(list(
                "q: rare code + status open",
                i -> text("E" + (1000 + (i * 37) % 9000)).toBuilder()
                        .statuses(Set.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS))
                        .build(),
                "-created",
                i -> 1));
        results.add(timed("stats, last 30 days (default)", i -> useCases.desk()
                .showTicketStats()
                .handle(new ShowTicketStats.Command(agent, TicketSelection.ALL, Optional.empty(), Optional.empty()))));
        results.add(timed("stats, last 30 days, one agent", i -> useCases.desk()
                .showTicketStats()
                .handle(new ShowTicketStats.Command(
                        agent,
                        new TicketSelection(
                                TicketFilter.builder()
                                        .assignee(TicketFilter.AssigneeFilter.of(new UserId(pick(tenant.agents(), i))))
                                        .build(),
                                Optional.empty()),
                        Optional.empty(),
                        Optional.empty()))));
        results.add(timed("stats, 366 days", i -> useCases.desk()
                .showTicketStats()
                .handle(new ShowTicketStats.Command(
                        agent, TicketSelection.ALL, Optional.of(now.minus(Duration.ofDays(366))), Optional.of(now)))));
        results.add(timed("portal list, one requester (varied)", i -> useCases.portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        customer(i), Set.of(), Set.of(), Optional.empty(), PageRequest.ofTickets(1, 20)))));
        results.add(timed("portal search, one requester", i -> useCases.portal()
                .listTickets()
                .handle(new ListCustomerTickets.Command(
                        customer(i),
                        Set.of(),
                        Set.of(),
                        Optional.of(pick(MillionTenantLoader.PRODUCTS, i)),
                        PageRequest.ofTickets(1, 20)))));
        return results;
    }

    private Shape list(
            String name,
            java.util.function.IntFunction<TicketFilter> filter,
            String sort,
            java.util.function.IntUnaryOperator page) {
        TicketSort order = sort.equals("relevance") ? TicketSort.BEST_MATCH_FIRST : TicketSort.parse(sort);
        return timed(name, i -> useCases.desk()
                .listTickets()
                .handle(new ListTickets.Command(
                        agent, filter.apply(i), order, PageRequest.ofTickets(page.applyAsInt(i), 20))));
    }

    /** The page {@code page} of the whole list in {@code sort} order, reached by the cursor the page before gave. */
    private Shape afterCursor(String name, String sort, int page) {
        TicketSort order = TicketSort.parse(sort);
        ListCursor cursor = useCases.desk()
                .listTickets()
                .handle(new ListTickets.Command(agent, TicketFilter.ALL, order, PageRequest.ofTickets(page - 1, 20)))
                .next()
                .orElseThrow(() -> new IllegalStateException("the list ends before page " + page));
        return timed(name, i -> useCases.desk()
                .listTickets()
                .handle(new ListTickets.Command(agent, TicketFilter.ALL, order, PageRequest.ofTickets(cursor, 20))));
    }

    private static Shape timed(String name, IntConsumer run) {
        return new Shape(name, run);
    }

    private static TicketFilter statuses(TicketStatus... statuses) {
        return TicketFilter.builder().statuses(Set.of(statuses)).build();
    }

    private TicketFilter created(Duration ago, Duration length) {
        Instant from = now.minus(ago);
        return TicketFilter.builder()
                .createdFrom(Optional.of(from))
                .createdTo(Optional.of(from.plus(length)))
                .build();
    }

    private static TicketFilter text(String text) {
        return TicketFilter.builder().text(Optional.of(text)).build();
    }

    private CustomerActor customer(int i) {
        MillionTenantLoader.Customer c = pick(tenant.customers(), i);
        return new CustomerActor(
                new TenantId(tenant.id()),
                new UserId(c.id()),
                c.name(),
                Optional.ofNullable(c.organization()).map(OrganizationId::new),
                c.shared());
    }

    /** The i-th of a fixed pseudo-random sequence over {@code values}: varied, and the same in every run. */
    private static <T> T pick(List<T> values, int i) {
        return values.get(new SplittableRandom(i).nextInt(values.size()));
    }

    // ---- breach scan, export, plans --------------------------------------------------------------------------------

    private void breachScan(LocalPostgres cluster) throws SQLException {
        long before = dueCandidates(cluster);
        long start = System.nanoTime();
        int recorded = useCases.scheduled()
                .scanSlaBreaches()
                .handle(new ScanSlaBreaches.Command(new TenantId(tenant.id()), 200));
        double seconds = (System.nanoTime() - start) / 1e9;
        long after = dueCandidates(cluster);
        System.out.printf(
                Locale.ROOT,
                "breach scan over %,d open tickets: %,d due candidates before, %,d breaches recorded in %.1f s"
                        + " (%.2f ms a candidate), %,d due candidates left%n",
                tenant.openTickets(),
                before,
                recorded,
                seconds,
                seconds * 1000 / Math.max(1, before),
                after);
    }

    /** The running clocks due by now with no breach recorded, counted past row-level security. */
    private long dueCandidates(LocalPostgres cluster) throws SQLException {
        try (Connection connection = cluster.superuserConnection("supportdesk");
                PreparedStatement count = connection.prepareStatement(
                        """
                        SELECT count(*) FROM tickets
                         WHERE tenant_id = ? AND deleted_at IS NULL AND (
                               (first_response_due_at <= now() AND first_response_breached_at IS NULL
                                AND first_responded_at IS NULL AND status NOT IN ('resolved', 'closed'))
                            OR (resolution_due_at <= now() AND resolution_breached_at IS NULL
                                AND status IN ('new', 'in_progress')))
                        """)) {
            count.setObject(1, tenant.id());
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private void export() {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        long usedBefore = used(heap);
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long[] rows = {0, 0};
        long start = System.nanoTime();
        useCases.admin()
                .exportTickets()
                .handle(
                        new ExportTickets.Command(admin, TicketSelection.ALL, TicketSort.NEWEST_FIRST),
                        new ExportTickets.Sink() {
                            @Override
                            public void begin(Instant asOf) {}

                            @Override
                            public void row(TicketExportRow row) {
                                rows[0]++;
                                rows[1] += row.toString().length();
                            }
                        });
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak =
                heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.gc();
        System.out.printf(
                Locale.ROOT,
                "export: %,d rows (%,d characters as text) in %.1f s (%,.0f rows/s); heap used before %d MB, peak"
                        + " during %d MB, after %d MB; max heap %d MB%n",
                rows[0],
                rows[1],
                seconds,
                rows[0] / seconds,
                usedBefore >> 20,
                peak >> 20,
                used(heap) >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long used(List<MemoryPoolMXBean> heap) {
        return heap.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }

    /**
     * Runs each shape whose p95 missed the target once more with {@code auto_explain} logging its plan with ANALYZE and
     * BUFFERS, and copies those plans from the cluster's log to {@code target/million-plans.txt}.
     */
    private void explainSlowest(LocalPostgres cluster, List<Timings> results) throws Exception {
        Path log;
        try (Connection connection = cluster.superuserConnection("supportdesk");
                Statement sql = connection.createStatement()) {
            try (ResultSet dir = sql.executeQuery("SHOW data_directory")) {
                dir.next();
                log = Path.of(dir.getString(1)).getParent().resolve("postgres.log");
            }
            sql.execute("LOAD 'auto_explain'"); // so that ALTER SYSTEM knows its settings
            sql.execute("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'");
            sql.execute("ALTER SYSTEM SET auto_explain.log_min_duration = '" + (int) TARGET_MILLIS + "ms'");
            sql.execute("ALTER SYSTEM SET auto_explain.log_analyze = on");
            sql.execute("ALTER SYSTEM SET auto_explain.log_buffers = on");
            sql.execute("SELECT pg_reload_conf()");
        }
        long offset = Files.size(log);
        List<String> slow = results.stream()
                .filter(t -> t.p95 > TARGET_MILLIS)
                .map(t -> t.name)
                .toList();
        try (HikariDataSource runtime = runtimePool(cluster)) {
            MillionTicketsBench again = new MillionTicketsBench(useCases(runtime, Clock.systemUTC()), tenant, 1, now);
            again.shapes().stream().filter(shape -> slow.contains(shape.name())).forEach(shape -> {
                try {
                    shape.run().accept(0);
                } catch (RuntimeException timedOut) {
                    System.out.println(shape.name() + ": " + timedOut.getMessage());
                }
            });
        }
        byte[] all = Files.readAllBytes(log);
        Path out = Path.of("target", "million-plans.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, java.util.Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length));
        System.out.println("plans of the shapes over " + (int) TARGET_MILLIS + " ms: " + out.toAbsolutePath());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String size(Connection control) throws SQLException {
        try (Statement sql = control.createStatement();
                ResultSet row = sql.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            row.next();
            return row.getString(1);
        }
    }
}
