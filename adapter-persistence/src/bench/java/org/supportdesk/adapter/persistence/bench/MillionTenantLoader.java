package org.supportdesk.adapter.persistence.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;
import org.supportdesk.adapter.persistence.JournalChain;
import org.supportdesk.adapter.persistence.JournalRow;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.SlaCalculator;
import org.supportdesk.domain.sla.SlaExplanation;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.SlaTimeline;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTarget;
import org.supportdesk.domain.ticket.TicketStatus;

/**
 * Generates one tenant's people and tickets with a realistic shape and streams them into PostgreSQL through COPY, as
 * the superuser (row-level security does not bind it) with triggers off ({@code session_replication_role = replica}:
 * no foreign-key check per row, as {@code pg_restore --disable-triggers}); every reference it writes points at a row
 * it wrote. Tickets are created over {@link Shape#span()} up to {@code now}: younger than 30 days most are open, older
 * ones mostly closed with a residue still open. SLA due and breach times come from the domain's own
 * {@link SlaCalculator} over the timeline the rows describe; breaches older than {@link Shape#backlog()} are recorded
 * (and the ticket escalated, as the scan does), younger ones are left for the scan. The journal gets the entries the
 * SLA clocks read (filing, first public staff reply, status changes), for open tickets only: closed ones are never
 * recomputed.
 */
final class MillionTenantLoader {
    /** The sizes of one tenant. */
    record Shape(
            int tickets, int customers, int organizations, int agents, int tags, Duration span, Duration backlog) {}

    /** What the measurements pick their parameters from. */
    record Tenant(
            UUID id,
            UUID admin,
            List<UUID> agents,
            List<Customer> customers,
            List<UUID> organizations,
            List<String> tags,
            List<String> categories,
            long openTickets,
            long messages) {}

    record Customer(UUID id, String name, String email, UUID organization, boolean shared) {}

    static final List<String> PRODUCTS = List.of(
            "printer",
            "laptop",
            "vpn",
            "invoice",
            "mailbox",
            "calendar",
            "router",
            "monitor",
            "keyboard",
            "scanner",
            "license",
            "database",
            "backup",
            "firewall",
            "phone",
            "headset",
            "dashboard",
            "report",
            "export",
            "import",
            "login",
            "password",
            "account",
            "subscription",
            "payment",
            "refund",
            "shipment",
            "order",
            "warehouse",
            "api",
            "webhook",
            "integration",
            "sync",
            "upload",
            "download",
            "search",
            "notification",
            "widget",
            "portal",
            "mobile");
    static final List<String> PROBLEMS = List.of(
            "crashes",
            "freezes",
            "is slow",
            "fails",
            "shows an error",
            "does not start",
            "times out",
            "is missing",
            "is duplicated",
            "is wrong",
            "cannot connect",
            "rejects input",
            "loses data",
            "stops responding",
            "needs access",
            "asks again",
            "keeps failing",
            "breaks after update",
            "looks broken",
            "prints blank");
    private static final List<String> SENTENCES = List.of(
            "Since this morning the %s %s for everyone in our team.",
            "We tried restarting the %s but it still %s.",
            "Could you please check why the %s %s again?",
            "The %s %s every time we open it from the office network.",
            "Our manager says the %s %s since the last release.",
            "Attached is what we see when the %s %s.",
            "This is blocking our month-end work because the %s %s.",
            "Thanks for the quick answer, but the %s still %s.");
    private static final List<String> FIRST = List.of(
            "Anna", "Ben", "Clara", "David", "Eva", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Katja", "Lars", "Mia",
            "Noah", "Olga", "Paul", "Rosa", "Sven", "Tara", "Uwe", "Vera", "Willi", "Yara", "Zoe");
    private static final List<String> LAST = List.of(
            "Smith",
            "Jones",
            "Brown",
            "Taylor",
            "Wilson",
            "Müller",
            "Schmidt",
            "Schneider",
            "Fischer",
            "Weber",
            "Meyer",
            "Wagner",
            "Becker",
            "Hoffmann",
            "Koch",
            "Richter",
            "Klein",
            "Wolf",
            "Neumann",
            "Schwarz",
            "Ivanova",
            "Petrov",
            "Sokolova",
            "Novak",
            "Kowalski",
            "Dubois",
            "Rossi",
            "Garcia",
            "Silva",
            "Jensen");
    private static final Duration RECENT = Duration.ofDays(30);

    private final Connection control;
    private final List<Connection> copies;
    private final SlaPolicy policy;
    private final BusinessCalendar calendar;
    private final Instant now;

    MillionTenantLoader(
            Connection control, List<Connection> copies, SlaPolicy policy, BusinessCalendar calendar, Instant now) {
        this.control = control;
        this.copies = copies;
        this.policy = policy;
        this.calendar = calendar;
        this.now = now;
    }

    /** Loads {@code shape} into the tenant {@code id}, which exists with its defaults and no people yet. */
    Tenant load(UUID id, Shape shape, long seed) throws SQLException, IOException {
        SplittableRandom random = new SplittableRandom(seed);
        Random ids = new Random(seed);
        List<String> categories = texts(control, "SELECT slug FROM categories WHERE tenant_id = ? ORDER BY slug", id);
        List<UUID> organizations = new ArrayList<>();
        List<Customer> customers = new ArrayList<>();
        List<UUID> agents = new ArrayList<>();
        UUID admin = uuid(ids);
        List<String> tags = new ArrayList<>();
        List<UUID> tagIds = new ArrayList<>();
        try (CopyStream orgs = new CopyStream(
                        copies.get(0), "organizations", "tenant_id, id, name, shared_tickets, created_at");
                CopyStream users = new CopyStream(
                        copies.get(1),
                        "users",
                        "tenant_id, id, email, name, role, organization_id, active, created_at");
                CopyStream tagRows = new CopyStream(copies.get(2), "tags", "tenant_id, id, name")) {
            Instant joined = now.minus(shape.span()).minus(Duration.ofDays(30));
            for (int i = 0; i < shape.organizations(); i++) {
                UUID org = uuid(ids);
                organizations.add(org);
                orgs.value(id)
                        .value(org)
                        .value("Company " + i)
                        .value(i % 2 == 0)
                        .value(joined)
                        .end();
            }
            users.value(id)
                    .value(admin)
                    .value("admin@million.example")
                    .value("Ada Admin")
                    .value("admin")
                    .value(null)
                    .value(true)
                    .value(joined)
                    .end();
            for (int i = 0; i < shape.agents(); i++) {
                UUID agent = uuid(ids);
                agents.add(agent);
                users.value(id)
                        .value(agent)
                        .value("agent" + i + "@million.example")
                        .value("Agent " + i)
                        .value("agent")
                        .value(null)
                        .value(true)
                        .value(joined)
                        .end();
            }
            for (int i = 0; i < shape.customers(); i++) {
                UUID customer = uuid(ids);
                String first = pick(FIRST, random);
                String last = pick(LAST, random);
                int orgIndex = random.nextInt(10) < 6 ? random.nextInt(organizations.size()) : -1;
                UUID org = orgIndex < 0 ? null : organizations.get(orgIndex);
                String email = first.toLowerCase() + "." + i + "@customer" + (i % 500) + ".example";
                customers.add(
                        new Customer(customer, first + " " + last, email, org, orgIndex >= 0 && orgIndex % 2 == 0));
                users.value(id)
                        .value(customer)
                        .value(email)
                        .value(first + " " + last)
                        .value("customer")
                        .value(org)
                        .value(true)
                        .value(joined)
                        .end();
            }
            for (int i = 0; i < shape.tags(); i++) {
                String name =
                        PRODUCTS.get(i % PRODUCTS.size()) + (i < PRODUCTS.size() ? "" : "-" + (i / PRODUCTS.size()));
                UUID tag = uuid(ids);
                tags.add(name);
                tagIds.add(tag);
                tagRows.value(id).value(tag).value(name).end();
            }
        }
        long[] counts = tickets(id, shape, random, ids, categories, agents, customers, tagIds);
        try (PreparedStatement counter = control.prepareStatement(
                "INSERT INTO ticket_number_counters (tenant_id,"
                        + " last_value) VALUES (?, ?) ON CONFLICT (tenant_id) DO UPDATE SET last_value = excluded.last_value")) {
            counter.setObject(1, id);
            counter.setLong(2, shape.tickets());
            counter.executeUpdate();
        }
        return new Tenant(id, admin, agents, customers, organizations, tags, categories, counts[0], counts[1]);
    }

    /** Streams the tickets, their tags, messages and journal; answers the open tickets and the messages written. */
    private long[] tickets(
            UUID tenant,
            Shape shape,
            SplittableRandom random,
            Random ids,
            List<String> categories,
            List<UUID> agents,
            List<Customer> customers,
            List<UUID> tagIds)
            throws SQLException, IOException {
        long open = 0;
        try (CopyStream tickets = new CopyStream(
                        copies.get(0),
                        "tickets",
                        "tenant_id, id, number_year, number_sequence, subject, description, category, priority, status,"
                                + " requester_id, organization_id, assignee_id, assigned_at, source, custom_fields,"
                                + " escalated_at, escalation_reason, sla_policy_version, sla_calendar_version,"
                                + " first_response_due_at, resolution_due_at, first_response_breached_at,"
                                + " resolution_breached_at, first_responded_at, resolved_at, closed_at, feedback_rating,"
                                + " feedback_at, created_at, updated_at, customer_updated_at, last_message_at,"
                                + " messages_count, version");
                CopyStream tagged = new CopyStream(copies.get(1), "ticket_tags", "tenant_id, ticket_id, tag_id");
                CopyStream messages = new CopyStream(
                        copies.get(2),
                        "messages",
                        "tenant_id, id, ticket_id, author_id, author_name, author_role, kind, customer_visible, body,"
                                + " via, is_resolution, created_at");
                ChainedJournalCopy journal = new ChainedJournalCopy(copies.get(3), control, tenant)) {
            long spanMillis = shape.span().toMillis();
            List<Instant> created = new ArrayList<>(shape.tickets());
            for (int i = 0; i < shape.tickets(); i++) {
                // Volume grows over the span: the square root skews filings towards the recent end.
                created.add(now.minusMillis((long) (spanMillis * (1 - Math.sqrt(random.nextDouble())))));
            }
            created.sort(null);
            for (int i = 0; i < shape.tickets(); i++) {
                Instant filedAt = created.get(i);
                TicketShape t = new TicketShape(
                        tenant, i + 1, filedAt, shape.backlog(), random, ids, categories, agents, customers);
                if (t.status.ordinal() < TicketStatus.RESOLVED.ordinal()) {
                    open++;
                    t.journal(journal, ids);
                }
                t.write(tickets, messages, ids);
                int tagCount = random.nextInt(5);
                List<UUID> chosen = new ArrayList<>();
                for (int k = 0; k < tagCount; k++) {
                    UUID tag = tagIds.get((int) (tagIds.size() * Math.pow(random.nextDouble(), 2)));
                    if (!chosen.contains(tag)) {
                        chosen.add(tag);
                        tagged.value(tenant).value(t.id).value(tag).end();
                    }
                }
            }
            return new long[] {open, messages.rows()};
        }
    }

    /** One generated ticket: its history, SLA times and messages, decided up front so every row agrees. */
    private final class TicketShape {
        final UUID tenant;
        final UUID id;
        final long sequence;
        final Instant created;
        final Priority priority;
        final TicketStatus status;
        final Customer requester;
        final UUID assignee;
        /** Who answers and takes notes: the assignee, or another agent while nobody is assigned. */
        final UUID responder;

        final String agentName;
        final Duration backlog;
        final Instant assignedAt;
        final String subject;
        final String description;
        final String category;
        final String source;
        final List<Instant> times = new ArrayList<>();
        final List<String> kinds = new ArrayList<>();
        Instant firstReply;
        Instant statusAt;
        Instant resolvedAt;
        Instant closedAt;
        final SlaExplanation sla;
        final SplittableRandom random;

        TicketShape(
                UUID tenant,
                long sequence,
                Instant created,
                Duration backlog,
                SplittableRandom random,
                Random ids,
                List<String> categories,
                List<UUID> agents,
                List<Customer> customers) {
            this.tenant = tenant;
            this.random = random;
            this.id = timeOrdered(created, ids);
            this.sequence = sequence;
            this.created = created;
            this.backlog = backlog;
            int p = random.nextInt(100);
            this.priority = p < 30 ? Priority.LOW : p < 75 ? Priority.MEDIUM : p < 95 ? Priority.HIGH : Priority.URGENT;
            this.status = status(Duration.between(created, now).compareTo(RECENT) < 0, random.nextInt(100));
            // A few customers file much more than others.
            this.requester = customers.get((int) (customers.size() * Math.pow(random.nextDouble(), 1.5)));
            boolean assigned = status != TicketStatus.NEW && random.nextInt(10) < 9;
            int agent = (int) (agents.size() * Math.pow(random.nextDouble(), 1.3));
            this.responder = agents.get(agent);
            this.assignee = assigned ? responder : null;
            this.agentName = "Agent " + agent;
            this.assignedAt = assigned ? created.plusSeconds(60 + random.nextInt(3600)) : null;
            String product = pick(PRODUCTS, random);
            String problem = pick(PROBLEMS, random);
            this.subject = capitalised(product) + " " + problem + " E" + (1000 + random.nextInt(9000));
            this.description = sentences(product, problem, 1 + random.nextInt(3));
            this.category = pick(categories, random);
            this.source = List.of("portal", "email", "api", "phone").get(random.nextInt(4));
            conversation(1 + Math.min(19, (int) (-Math.log(1 - random.nextDouble()) * 3)));
            this.sla = SlaCalculator.explain(policy, calendar, timeline(), now);
        }

        private TicketStatus status(boolean recent, int roll) {
            if (recent) {
                return roll < 25
                        ? TicketStatus.NEW
                        : roll < 55
                                ? TicketStatus.IN_PROGRESS
                                : roll < 75
                                        ? TicketStatus.WAITING_ON_CUSTOMER
                                        : roll < 85
                                                ? TicketStatus.ON_HOLD
                                                : roll < 95 ? TicketStatus.RESOLVED : TicketStatus.CLOSED;
            }
            return roll < 1
                    ? TicketStatus.NEW
                    : roll < 4
                            ? TicketStatus.IN_PROGRESS
                            : roll < 6
                                    ? TicketStatus.WAITING_ON_CUSTOMER
                                    : roll < 7 ? TicketStatus.ON_HOLD : TicketStatus.CLOSED;
        }

        /** Customer and agent turns from filing on, inside the ticket's life so far; agents' notes now and then. */
        private void conversation(int count) {
            long life = Math.max(60_000, Duration.between(created, now).toMillis());
            long window = status.ordinal() < TicketStatus.RESOLVED.ordinal()
                    ? (long) (life * 0.9)
                    : Math.min(life / 2, Duration.ofDays(10).toMillis());
            Instant at = created;
            for (int k = 0; k < count; k++) {
                at = at.plusMillis(1000 + (long) (window / (count + 1.0) * random.nextDouble() * 2));
                if (at.isAfter(created.plusMillis(window))) {
                    at = created.plusMillis(window).minusMillis(count - k);
                }
                times.add(at);
                String kind;
                if (k % 2 == 0) {
                    kind = "customer";
                } else if (status == TicketStatus.NEW || random.nextInt(5) == 0) {
                    kind = "internal";
                } else {
                    kind = "agent";
                    if (firstReply == null) {
                        firstReply = at;
                    }
                }
                kinds.add(kind);
            }
            Instant last = times.get(times.size() - 1);
            statusAt = last.plusSeconds(60);
            if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
                resolvedAt = statusAt;
                if (status == TicketStatus.CLOSED) {
                    long wait = Math.min(
                            Duration.ofDays(7).toMillis(),
                            Math.max(1000, Duration.between(resolvedAt, now).toMillis() / 2));
                    closedAt = resolvedAt.plusMillis(wait);
                }
            }
        }

        private SlaTimeline timeline() {
            SlaTimeline timeline = SlaTimeline.filed(created, priority);
            for (Instant[] change : statusChanges()) {
                if (change[0].equals(firstReply)) {
                    timeline = timeline.firstPublicStaffReply(firstReply);
                }
                timeline = timeline.statusChanged(change[0], TicketStatus.values()[(int) change[1].getEpochSecond()]);
            }
            if (firstReply != null && statusChanges().stream().noneMatch(c -> c[0].equals(firstReply))) {
                timeline = timeline.firstPublicStaffReply(firstReply);
            }
            return timeline;
        }

        /** The status changes after filing, each as {at, Instant.ofEpochSecond(status ordinal)}, in time order. */
        private List<Instant[]> statusChanges() {
            List<Instant[]> changes = new ArrayList<>();
            Instant working = firstReply != null ? firstReply : assignedAt;
            if (status != TicketStatus.NEW && working != null && working.isBefore(statusAt)) {
                changes.add(new Instant[] {working, Instant.ofEpochSecond(TicketStatus.IN_PROGRESS.ordinal())});
            }
            if (status == TicketStatus.WAITING_ON_CUSTOMER || status == TicketStatus.ON_HOLD) {
                changes.add(new Instant[] {statusAt, Instant.ofEpochSecond(status.ordinal())});
            } else if (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED) {
                changes.add(new Instant[] {resolvedAt, Instant.ofEpochSecond(TicketStatus.RESOLVED.ordinal())});
                if (closedAt != null) {
                    changes.add(new Instant[] {closedAt, Instant.ofEpochSecond(TicketStatus.CLOSED.ordinal())});
                }
            } else if (status == TicketStatus.IN_PROGRESS && changes.isEmpty()) {
                changes.add(new Instant[] {statusAt, Instant.ofEpochSecond(TicketStatus.IN_PROGRESS.ordinal())});
            }
            return changes;
        }

        void write(CopyStream tickets, CopyStream messages, Random ids) {
            Instant backlogEnd = now.minus(backlog);
            Optional<Instant> firstBreach = recorded(SlaTarget.FIRST_RESPONSE, backlogEnd);
            Optional<Instant> resolutionBreach = recorded(SlaTarget.RESOLUTION, backlogEnd);
            Instant escalated = firstBreach.isPresent() ? firstBreach.get() : resolutionBreach.orElse(null);
            String reason = escalated == null
                    ? null
                    : "SLA breached: "
                            + (firstBreach.isPresent() ? SlaTarget.FIRST_RESPONSE : SlaTarget.RESOLUTION).wireName();
            if (escalated == null && random.nextInt(50) == 0) {
                escalated = created.plusSeconds(600);
                reason = "The customer called twice";
            }
            Instant last = times.get(times.size() - 1);
            Instant lastVisible = created;
            for (int k = 0; k < times.size(); k++) {
                if (!kinds.get(k).equals("internal")) {
                    lastVisible = times.get(k);
                }
            }
            Instant updated = closedAt != null ? closedAt : status == TicketStatus.NEW ? last : statusAt;
            boolean rated = resolvedAt != null && random.nextInt(10) < 3;
            tickets.value(tenant)
                    .value(id)
                    .value(created.atZone(ZoneOffset.UTC).getYear())
                    .value(sequence)
                    .value(subject)
                    .value(description)
                    .value(category)
                    .value(priority.wireName())
                    .value(status.wireName())
                    .value(requester.id())
                    .value(requester.organization())
                    .value(assignee)
                    .value(assignedAt)
                    .value(source)
                    .value("{}")
                    .value(escalated)
                    .value(reason)
                    .value(1)
                    .value(1)
                    .value(sla.clock(SlaTarget.FIRST_RESPONSE).dueAt().orElse(null))
                    .value(sla.clock(SlaTarget.RESOLUTION).dueAt().orElse(null))
                    .value(firstBreach.orElse(null))
                    .value(resolutionBreach.orElse(null))
                    .value(firstReply)
                    .value(resolvedAt)
                    .value(closedAt)
                    .value(rated ? 1 + random.nextInt(5) : null)
                    .value(rated ? resolvedAt.plusSeconds(3600) : null)
                    .value(created)
                    .value(updated)
                    .value(status == TicketStatus.NEW ? lastVisible : max(lastVisible, updated))
                    .value(last)
                    .value(times.size())
                    .value(1 + times.size() + statusChanges().size())
                    .end();
            for (int k = 0; k < times.size(); k++) {
                String kind = kinds.get(k);
                boolean customer = kind.equals("customer");
                boolean resolution = resolvedAt != null && k == times.size() - 1 && kind.equals("agent");
                messages.value(tenant)
                        .value(uuid(ids))
                        .value(id)
                        .value(customer ? requester.id() : responder)
                        .value(customer ? requester.name() : agentName)
                        .value(customer ? "customer" : "agent")
                        .value(kind.equals("internal") ? "internal" : "public")
                        .value(!kind.equals("internal"))
                        .value(body(customer))
                        .value(customer ? (source.equals("email") ? "email" : "portal") : "api")
                        .value(resolution)
                        .value(times.get(k))
                        .end();
            }
        }

        /** A breach the scan has recorded already: one that happened before the backlog the scan still has to do. */
        private Optional<Instant> recorded(SlaTarget target, Instant backlogEnd) {
            return sla.clock(target).breachedAt().filter(at -> at.isBefore(backlogEnd) || status.ordinal() >= 4);
        }

        /** The journal entries the SLA clocks read: filing, first public staff reply, status changes. */
        void journal(ChainedJournalCopy journal, Random ids) {
            entry(
                    journal,
                    ids,
                    requester.id(),
                    requester.name(),
                    "customer",
                    "ticket_filed",
                    created,
                    change("status", null, "new"),
                    change("priority", null, priority.wireName()));
            if (firstReply != null) {
                entry(
                        journal,
                        ids,
                        responder,
                        agentName,
                        "agent",
                        "message_posted",
                        firstReply,
                        change("message_id", null, uuid(ids).toString()),
                        change("kind", null, "public"),
                        change("customer_visible", null, "true"));
            }
            TicketStatus from = TicketStatus.NEW;
            for (Instant[] c : statusChanges()) {
                TicketStatus to = TicketStatus.values()[(int) c[1].getEpochSecond()];
                entry(
                        journal,
                        ids,
                        responder,
                        agentName,
                        "agent",
                        "status_changed",
                        c[0],
                        change("status", from.wireName(), to.wireName()));
                from = to;
            }
        }

        private void entry(
                ChainedJournalCopy journal,
                Random ids,
                UUID actor,
                String name,
                String role,
                String action,
                Instant at,
                String[]... changes) {
            journal.append(new JournalRow(
                    tenant,
                    uuid(ids),
                    actor,
                    name,
                    role,
                    action,
                    "ticket",
                    id,
                    Arrays.stream(changes).map(c -> c[0]).toArray(String[]::new),
                    Arrays.stream(changes).map(c -> c[1]).toArray(String[]::new),
                    Arrays.stream(changes).map(c -> c[2]).toArray(String[]::new),
                    "million-loader",
                    JournalChain.storable(at)));
        }

        private String body(boolean customer) {
            String product = pick(PRODUCTS, random);
            String problem = pick(PROBLEMS, random);
            if (random.nextInt(20) == 0) {
                return sentences(product, problem, 20 + random.nextInt(60)); // a pasted log or a long story
            }
            return customer
                    ? sentences(product, problem, 1 + random.nextInt(3))
                    : "Hello " + requester.name() + ", " + sentences(product, problem, 1 + random.nextInt(2))
                            + " Best regards";
        }

        private String sentences(String product, String problem, int count) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < count; s++) {
                if (s > 0) {
                    text.append(' ');
                }
                text.append(String.format(pick(SENTENCES, random), s == 0 ? product : pick(PRODUCTS, random), problem));
            }
            return text.toString();
        }
    }

    /** The id of the tenant with {@code slug}, if a previous run loaded it into a kept cluster. */
    static Optional<UUID> tenantOf(Connection control, String slug) throws SQLException {
        try (PreparedStatement query = control.prepareStatement("SELECT id FROM tenants WHERE slug = ?")) {
            query.setString(1, slug);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    /** What the measurements need of a tenant loaded by an earlier run, read back from its rows. */
    static Tenant existing(Connection control, UUID tenant) throws SQLException {
        List<UUID> agents =
                ids(control, "SELECT id FROM users WHERE tenant_id = ? AND role = 'agent' ORDER BY email", tenant);
        UUID admin = ids(control, "SELECT id FROM users WHERE tenant_id = ? AND role = 'admin'", tenant)
                .get(0);
        List<Customer> customers = new ArrayList<>();
        try (PreparedStatement query = control.prepareStatement(
                "SELECT u.id, u.name, u.email, u.organization_id, coalesce(o.shared_tickets, false) FROM users u"
                        + " LEFT JOIN organizations o ON o.tenant_id = u.tenant_id AND o.id = u.organization_id"
                        + " WHERE u.tenant_id = ? AND u.role = 'customer' ORDER BY u.email")) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    customers.add(new Customer(
                            rows.getObject(1, UUID.class),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getObject(4, UUID.class),
                            rows.getBoolean(5)));
                }
            }
        }
        List<UUID> organizations =
                ids(control, "SELECT id FROM organizations WHERE tenant_id = ? ORDER BY name", tenant);
        List<String> tags = texts(control, "SELECT name FROM tags WHERE tenant_id = ? ORDER BY name", tenant);
        List<String> categories =
                texts(control, "SELECT slug FROM categories WHERE tenant_id = ? ORDER BY slug", tenant);
        long open = Long.parseLong(texts(
                        control,
                        "SELECT count(*) FROM tickets WHERE tenant_id = ?"
                                + " AND status NOT IN ('resolved', 'closed')",
                        tenant)
                .get(0));
        long messages = Long.parseLong(texts(control, "SELECT count(*) FROM messages WHERE tenant_id = ?", tenant)
                .get(0));
        return new Tenant(tenant, admin, agents, customers, organizations, tags, categories, open, messages);
    }

    /**
     * Counts every tenant's live tickets afresh into the counters the list's totals read, as V144 and V145 do: the
     * triggers that keep them do not run while COPY runs without triggers.
     */
    static void recount(Connection control) throws SQLException {
        try (Statement sql = control.createStatement()) {
            sql.execute("DELETE FROM ticket_counts");
            sql.execute("INSERT INTO ticket_counts (tenant_id, status, unassigned, escalated, sla_breached, tickets)"
                    + " SELECT tenant_id, status, assignee_id IS NULL, escalated_at IS NOT NULL, sla_breached, count(*)"
                    + " FROM tickets WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5");
            sql.execute("DELETE FROM ticket_tag_counts");
            sql.execute("INSERT INTO ticket_tag_counts (tenant_id, tag_id, status, writer, tickets)"
                    + " SELECT tt.tenant_id, tt.tag_id, t.status, txid_current(), count(*) FROM ticket_tags tt"
                    + " JOIN tickets t ON t.tenant_id = tt.tenant_id AND t.id = tt.ticket_id"
                    + " WHERE t.deleted_at IS NULL GROUP BY 1, 2, 3");
        }
    }

    private static List<UUID> ids(Connection control, String sql, UUID tenant) throws SQLException {
        return texts(control, sql, tenant).stream().map(UUID::fromString).toList();
    }

    private static List<String> texts(Connection control, String sql, UUID tenant) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement query = control.prepareStatement(sql)) {
            query.setObject(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
        }
        return values;
    }

    /** Lets COPY skip the per-row foreign-key triggers on every connection it uses. */
    static void withoutTriggers(List<Connection> connections) throws SQLException {
        for (Connection connection : connections) {
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET session_replication_role = replica");
            }
        }
    }

    /** One change of a journal entry: field, before, after. */
    private static String[] change(String field, String before, String after) {
        return new String[] {field, before, after};
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static UUID uuid(Random random) {
        return new UUID(
                (random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE);
    }

    /** Like UUIDv7 (TimeOrderedIds): the filing's milliseconds first. */
    private static UUID timeOrdered(Instant at, Random random) {
        return new UUID(
                (at.toEpochMilli() << 16) | 0x7000L | (random.nextInt() & 0xFFF),
                (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | Long.MIN_VALUE);
    }
}
