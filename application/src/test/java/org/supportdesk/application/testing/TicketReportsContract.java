package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.Ports;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.conversation.ReplyToTicket;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.query.ExportTickets;
import org.supportdesk.application.query.ListTickets;
import org.supportdesk.application.query.ShowAuditLog;
import org.supportdesk.application.query.ShowTicketStats;
import org.supportdesk.application.query.TicketSelection;
import org.supportdesk.application.ticket.AssignTicket;
import org.supportdesk.application.ticket.ChangeTicketStatus;
import org.supportdesk.application.ticket.DeleteTicket;
import org.supportdesk.application.ticket.EscalateTicket;
import org.supportdesk.application.ticket.FileTicket;
import org.supportdesk.application.ticket.GiveFeedback;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketExportRow;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.port.TicketStats;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Rating;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;
import org.supportdesk.domain.ticket.Via;

/**
 * What the staff reports must answer over any store (§10): the stats, the export and the audit log, checked against
 * figures this test computes by hand from the history it makes. A store's test extends it with its ports; the
 * in-memory store and PostgreSQL both run it.
 */
public abstract class TicketReportsContract {
    /** The stores under test, stamping what they write themselves with {@code clock}. */
    protected abstract Ports ports(MutableClock clock);

    /** Monday 2 March 2026, 08:00 UTC: the history below runs over that week. */
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private Ports ports;
    private UseCases core;
    private TenantFixture acme;
    private TenantFixture globex;
    private final List<TicketState> filed = new ArrayList<>();
    private TicketId fast;
    private TicketId slow;
    private TicketId working;
    private TicketId lateNight;
    private TicketId waiting;
    private TicketId deleted;
    private TicketId untouched;

    @BeforeEach
    void history() {
        ports = ports(clock);
        core = UseCases.over(ports, new TimeOrderedIds(clock), new FixedCorrelationIds(), clock);
        String run = UUID.randomUUID().toString().substring(0, 8);
        acme = tenant("acme" + run);
        globex = tenant("globex" + run);
        StaffActor agent = acme.agentActor();

        // Monday: two tickets answered after 10 and 30 minutes, resolved after 60 and 120; one closed; both rated.
        fast = file(acme, acme.customerActor(), "Printer jam", Priority.URGENT, at("2026-03-02T10:00:00Z"));
        slow = file(
                acme, acme.asCustomer(acme.otherCustomer), "Invoice copy", Priority.LOW, at("2026-03-02T14:00:00Z"));
        reply(agent, fast, at("2026-03-02T10:10:00Z"));
        reply(agent, slow, at("2026-03-02T14:30:00Z"));
        status(agent, fast, TicketStatus.RESOLVED, at("2026-03-02T11:00:00Z"));
        assign(agent, slow, at("2026-03-02T15:00:00Z"));
        status(agent, slow, TicketStatus.RESOLVED, at("2026-03-02T16:00:00Z"));
        status(agent, slow, TicketStatus.CLOSED, at("2026-03-02T17:00:00Z"));
        rate(acme.customerActor(), fast, 5, at("2026-03-02T18:00:00Z"));
        rate(acme.asCustomer(acme.otherCustomer), slow, 2, at("2026-03-02T18:05:00Z"));

        // Tuesday: answered after 20 minutes and still worked; and one filed a second before midnight UTC, on hold.
        working = file(acme, acme.customerActor(), "VPN drops", Priority.HIGH, at("2026-03-03T09:00:00Z"));
        reply(agent, working, at("2026-03-03T09:20:00Z"));
        assign(agent, working, at("2026-03-03T09:30:00Z"));
        lateNight =
                file(acme, acme.asCustomer(acme.colleague), "Late login", Priority.MEDIUM, at("2026-03-03T23:59:59Z"));
        status(agent, lateNight, TicketStatus.ON_HOLD, at("2026-03-04T08:00:00Z"));

        // Thursday: answered after 40 minutes and waiting; one deleted; one nobody touched but an escalation.
        waiting = file(acme, acme.customerActor(), "Export fails", Priority.MEDIUM, at("2026-03-05T12:00:00Z"));
        reply(agent, waiting, at("2026-03-05T12:40:00Z"));
        status(agent, waiting, TicketStatus.WAITING_ON_CUSTOMER, at("2026-03-05T12:41:00Z"));
        deleted = file(acme, acme.customerActor(), "Spam", Priority.LOW, at("2026-03-05T13:00:00Z"));
        at("2026-03-05T13:01:00Z");
        core.desk().deleteTicket().handle(new DeleteTicket.Command(acme.adminActor(), deleted, Optional.empty()));
        untouched = file(
                acme, acme.asCustomer(acme.otherCustomer), "Need help", Priority.URGENT, at("2026-03-05T15:00:00Z"));
        at("2026-03-05T15:05:00Z");
        core.desk()
                .escalateTicket()
                .handle(new EscalateTicket.Command(acme.adminActor(), untouched, "VIP", Optional.empty()));

        // Another tenant's ticket, answered and rated: none of it may show in acme's figures.
        TicketId foreign = file(globex, globex.customerActor(), "Foreign", Priority.URGENT, at("2026-03-02T10:00:00Z"));
        reply(globex.agentActor(), foreign, at("2026-03-02T10:01:00Z"));
        status(globex.agentActor(), foreign, TicketStatus.RESOLVED, at("2026-03-02T10:02:00Z"));
        rate(globex.customerActor(), foreign, 1, at("2026-03-02T10:03:00Z"));
        at("2026-03-06T09:00:00Z");
    }

    // ---- the stats -----------------------------------------------------------------------------------------------

    @Test
    void every_figure_of_the_stats_is_what_the_history_makes_it() {
        TicketStats stats = stats(TicketSelection.ALL, Optional.empty(), Optional.empty());

        // Live acme tickets: fast, slow, working, lateNight, waiting, untouched (deleted and globex's are not).
        assertThat(stats.total()).isEqualTo(6);
        assertThat(stats.byStatus())
                .isEqualTo(Map.of(
                        TicketStatus.NEW, 1L,
                        TicketStatus.IN_PROGRESS, 1L,
                        TicketStatus.WAITING_ON_CUSTOMER, 1L,
                        TicketStatus.ON_HOLD, 1L,
                        TicketStatus.RESOLVED, 1L,
                        TicketStatus.CLOSED, 1L));
        assertThat(stats.unassigned()).isEqualTo(4); // slow and working were assigned
        // First responses after 10, 30, 20 and 40 minutes: mean 25, median (20 + 30) / 2.
        assertThat(stats.firstResponse())
                .isEqualTo(new TicketStats.Durations(
                        4, Optional.of(Duration.ofMinutes(25)), Optional.of(Duration.ofMinutes(25))));
        // Resolved after 60 and 120 minutes: mean 90, median 90.
        assertThat(stats.resolution())
                .isEqualTo(new TicketStats.Durations(
                        2, Optional.of(Duration.ofMinutes(90)), Optional.of(Duration.ofMinutes(90))));
        assertThat(stats.resolutionRate()).contains(new BigDecimal("0.3333"));
        assertThat(stats.csat()).isEqualTo(new TicketStats.Ratings(2, 7));
        assertThat(stats.csat().average()).contains(new BigDecimal("3.50"));
        assertThat(stats.breached()).isEqualTo(new TicketStats.Breaches(0, 0, 0));
        // The default window: the 30 days up to now, so 31 UTC days, Monday's 2, Tuesday's 2, Thursday's 2.
        assertThat(stats.window().to()).isEqualTo(clock.instant());
        assertThat(stats.window().from()).isEqualTo(clock.instant().minus(Duration.ofDays(30)));
        assertThat(stats.perDay()).hasSize(31);
        assertThat(nonZeroDays(stats))
                .isEqualTo(Map.of(
                        LocalDate.parse("2026-03-02"), 2L,
                        LocalDate.parse("2026-03-03"), 2L,
                        LocalDate.parse("2026-03-05"), 2L));
        assertThat(stats.perDay().stream()
                        .mapToLong(TicketStats.DayCount::count)
                        .sum())
                .isEqualTo(stats.total());
    }

    @Test
    void an_odd_number_of_durations_has_its_middle_one_as_median() {
        TicketStats stats = stats(
                new TicketSelection(
                        TicketFilter.builder()
                                .createdTo(Optional.of(Instant.parse("2026-03-04T00:00:00Z")))
                                .build(),
                        Optional.empty()),
                Optional.empty(),
                Optional.empty());

        // fast, slow, working, lateNight: first responses 10, 30, 20 (lateNight has none).
        assertThat(stats.total()).isEqualTo(4);
        assertThat(stats.firstResponse())
                .isEqualTo(new TicketStats.Durations(
                        3, Optional.of(Duration.ofMinutes(20)), Optional.of(Duration.ofMinutes(20))));
    }

    @Test
    void a_window_selects_by_creation_time_and_counts_its_own_days() {
        TicketStats stats = stats(
                TicketSelection.ALL,
                Optional.of(Instant.parse("2026-03-03T00:00:00Z")),
                Optional.of(Instant.parse("2026-03-05T12:00:00Z")));

        // working and lateNight; waiting was filed exactly at the window's exclusive end.
        assertThat(stats.total()).isEqualTo(2);
        assertThat(stats.perDay())
                .containsExactly(
                        new TicketStats.DayCount(LocalDate.parse("2026-03-03"), 2),
                        new TicketStats.DayCount(LocalDate.parse("2026-03-04"), 0),
                        new TicketStats.DayCount(LocalDate.parse("2026-03-05"), 0));
        assertThat(stats.firstResponse().average()).contains(Duration.ofMinutes(20));
        assertThat(stats.resolution()).isEqualTo(TicketStats.Durations.NONE);
        assertThat(stats.csat()).isEqualTo(new TicketStats.Ratings(0, 0));
        assertThat(stats.csat().average()).isEmpty();
    }

    @Test
    void a_window_that_misses_the_filters_created_range_counts_nothing() {
        TicketStats stats = stats(
                new TicketSelection(
                        TicketFilter.builder()
                                .createdFrom(Optional.of(Instant.parse("2026-03-05T00:00:00Z")))
                                .build(),
                        Optional.empty()),
                Optional.of(Instant.parse("2026-03-02T00:00:00Z")),
                Optional.of(Instant.parse("2026-03-04T00:00:00Z")));

        assertThat(stats.total()).isZero();
        assertThat(stats.perDay()).hasSize(2).allMatch(d -> d.count() == 0);
        assertThat(stats.resolutionRate()).isEmpty();
    }

    @Test
    void each_count_equals_the_total_of_the_list_for_the_same_filter() {
        List<TicketFilter> filters = List.of(
                TicketFilter.ALL,
                TicketFilter.builder().priorities(Set.of(Priority.URGENT)).build(),
                TicketFilter.builder()
                        .statuses(EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED))
                        .build(),
                TicketFilter.builder()
                        .requester(Optional.of(acme.customer.id()))
                        .build(),
                TicketFilter.builder().escalated(Optional.of(true)).build(),
                TicketFilter.builder().text(Optional.of("printer")).build(),
                TicketFilter.builder()
                        .categories(Set.of(new Category("question")))
                        .build());
        for (TicketFilter filter : filters) {
            TicketStats stats =
                    stats(new TicketSelection(filter, Optional.empty()), Optional.empty(), Optional.empty());
            TicketFilter narrowed = stats.window().narrow(filter).orElseThrow();

            assertThat(stats.total()).as("%s", filter).isEqualTo(listTotal(narrowed));
            assertThat(stats.unassigned())
                    .as("%s", filter)
                    .isEqualTo(listTotal(narrowed.toBuilder()
                            .assignee(TicketFilter.AssigneeFilter.NONE)
                            .build()));
            assertThat(stats.breached().any())
                    .as("%s", filter)
                    .isEqualTo(listTotal(
                            narrowed.toBuilder().slaBreached(Optional.of(true)).build()));
            for (TicketStatus status : TicketStatus.values()) {
                boolean selected =
                        filter.statuses().isEmpty() || filter.statuses().contains(status);
                assertThat(stats.byStatus().get(status))
                        .as("%s %s", filter, status)
                        .isEqualTo(
                                selected
                                        ? listTotal(narrowed.toBuilder()
                                                .statuses(Set.of(status))
                                                .build())
                                        : 0);
            }
        }
    }

    @Test
    void breaches_are_counted_per_target_as_the_scanner_recorded_them() {
        // untouched is urgent and unanswered: 60 minutes to a first response, 240 to a resolution.
        at("2026-03-05T19:30:00Z");
        core.scheduled()
                .scanSlaBreaches()
                .handle(new org.supportdesk.application.sla.ScanSlaBreaches.Command(acme.tenant, 100));
        List<TicketState> live = liveTicketsOfAcme();
        long firstResponse = live.stream()
                .filter(t -> t.sla().firstResponseBreachedAt().isPresent())
                .count();
        long resolution = live.stream()
                .filter(t -> t.sla().resolutionBreachedAt().isPresent())
                .count();
        long any = live.stream().filter(t -> t.sla().breached()).count();

        TicketStats stats = stats(TicketSelection.ALL, Optional.empty(), Optional.empty());

        assertThat(firstResponse).isPositive();
        assertThat(resolution).isPositive();
        assertThat(stats.breached()).isEqualTo(new TicketStats.Breaches(firstResponse, resolution, any));
    }

    @Test
    void a_requester_named_by_email_selects_their_tickets_and_an_unknown_one_nothing() {
        TicketStats carla = stats(
                new TicketSelection(TicketFilter.ALL, Optional.of(acme.customer.email())),
                Optional.empty(),
                Optional.empty());
        TicketStats nobody = stats(
                new TicketSelection(
                        TicketFilter.ALL, Optional.of(org.supportdesk.domain.tenant.Email.of("nobody@x.example"))),
                Optional.empty(),
                Optional.empty());

        assertThat(carla.total()).isEqualTo(3); // fast, working, waiting
        assertThat(nobody.total()).isZero();
    }

    // ---- the export ----------------------------------------------------------------------------------------------

    @Test
    void the_export_hands_over_every_match_in_the_lists_order_with_the_names_beside_it() {
        List<TicketExportRow> rows = export(TicketSelection.ALL, TicketSort.NEWEST_FIRST);

        assertThat(rows)
                .extracting(r -> r.ticket().id())
                .containsExactly(untouched, waiting, lateNight, working, slow, fast);
        TicketExportRow slowRow = rows.get(4);
        assertThat(slowRow.requesterName()).isEqualTo(acme.otherCustomer.name());
        assertThat(slowRow.requesterEmail()).isEqualTo(acme.otherCustomer.email());
        assertThat(slowRow.organizationName()).isEmpty();
        assertThat(slowRow.assigneeName()).contains(acme.agent.name());
        assertThat(slowRow.ticket().feedback()).map(f -> f.rating().value()).contains(2);
        TicketExportRow fastRow = rows.get(5);
        assertThat(fastRow.organizationName()).contains(acme.organization.name());
        assertThat(fastRow.assigneeName()).isEmpty();
        assertThat(fastRow.ticket()).isEqualTo(stored(fast));
    }

    @Test
    void the_export_takes_the_lists_filters_and_sort() {
        TicketSelection urgentOrHigh = new TicketSelection(
                TicketFilter.builder()
                        .priorities(Set.of(Priority.URGENT, Priority.HIGH))
                        .build(),
                Optional.empty());
        TicketSort oldestFirst = new TicketSort(TicketSort.Key.CREATED, false);

        assertThat(export(urgentOrHigh, oldestFirst))
                .extracting(r -> r.ticket().id())
                .containsExactly(fast, working, untouched);
        assertThat(export(
                        new TicketSelection(
                                TicketFilter.ALL,
                                Optional.of(org.supportdesk.domain.tenant.Email.of("nobody@x.example"))),
                        oldestFirst))
                .isEmpty();
    }

    // ---- the audit log -------------------------------------------------------------------------------------------

    @Test
    void the_audit_log_is_the_staff_entries_newest_first_with_exact_totals() {
        List<JournalEntry> staffEntries = journalOfAcme().stream()
                .filter(e -> e.actor().isStaff())
                .sorted((a, b) -> b.at().equals(a.at()) ? b.id().compareTo(a.id()) : b.at().compareTo(a.at()))
                .collect(Collectors.toList());

        Page<JournalEntry> first = audit(AuditLogFilter.ALL, Optional.empty(), 1, 5);
        Page<JournalEntry> second = audit(AuditLogFilter.ALL, Optional.empty(), 2, 5);
        List<JournalEntry> everything = new ArrayList<>();
        for (int page = 1; page <= first.totalPages(); page++) {
            everything.addAll(
                    audit(AuditLogFilter.ALL, Optional.empty(), page, 5).items());
        }

        assertThat(first.total()).isEqualTo(staffEntries.size());
        assertThat(first.items()).hasSize(5);
        assertThat(second.items()).containsExactlyElementsOf(staffEntries.subList(5, 10));
        assertThat(everything).containsExactlyElementsOf(staffEntries);
        assertThat(everything).noneMatch(e -> e.action() == JournalAction.FEEDBACK_GIVEN);
        assertThat(everything).noneMatch(e -> e.action() == JournalAction.TICKET_FILED);
        assertThat(everything).allMatch(e -> e.tenant().equals(acme.tenant));
        assertThat(audit(AuditLogFilter.ALL, Optional.empty(), 99, 5).items()).isEmpty();
        assertThat(audit(AuditLogFilter.ALL, Optional.empty(), 99, 5).total()).isEqualTo(staffEntries.size());
    }

    @Test
    void the_audit_log_filters_by_actor_action_target_and_time() {
        List<JournalEntry> staff =
                journalOfAcme().stream().filter(e -> e.actor().isStaff()).collect(Collectors.toList());
        Instant from = Instant.parse("2026-03-03T00:00:00Z");
        Instant to = Instant.parse("2026-03-05T12:41:00Z");

        assertThat(audit(
                                new AuditLogFilter(
                                        Optional.of(acme.admin.id()),
                                        Set.of(),
                                        Optional.empty(),
                                        Optional.empty(),
                                        Optional.empty()),
                                Optional.empty(),
                                1,
                                100)
                        .items())
                .extracting(JournalEntry::action)
                .containsExactlyInAnyOrder(JournalAction.TICKET_ESCALATED, JournalAction.TICKET_DELETED)
                .hasSize((int) staff.stream()
                        .filter(e -> e.actor().id().equals(Optional.of(acme.admin.id())))
                        .count());
        Page<JournalEntry> statusChanges = audit(
                new AuditLogFilter(
                        Optional.empty(),
                        Set.of(JournalAction.STATUS_CHANGED, JournalAction.TICKET_ASSIGNED),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()),
                Optional.empty(),
                1,
                100);
        assertThat(statusChanges.total())
                .isEqualTo(staff.stream()
                        .filter(e -> e.action() == JournalAction.STATUS_CHANGED
                                || e.action() == JournalAction.TICKET_ASSIGNED)
                        .count());
        Page<JournalEntry> aboutSlow = audit(AuditLogFilter.ALL.withTarget(slow.value()), Optional.empty(), 1, 100);
        assertThat(aboutSlow.items()).isNotEmpty().allMatch(e -> e.targetId().equals(slow.value()));
        assertThat(audit(AuditLogFilter.ALL, Optional.of(stored(slow).number()), 1, 100))
                .isEqualTo(aboutSlow);
        assertThat(audit(
                                AuditLogFilter.ALL,
                                Optional.of(new org.supportdesk.domain.ticket.TicketNumber(2026, 999_999)),
                                1,
                                100)
                        .total())
                .isZero();
        Page<JournalEntry> window = audit(
                new AuditLogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.of(from), Optional.of(to)),
                Optional.empty(),
                1,
                100);
        assertThat(window.items())
                .containsExactlyInAnyOrderElementsOf(staff.stream()
                        .filter(e -> !e.at().isBefore(from) && e.at().isBefore(to))
                        .collect(Collectors.toList()));
        assertThat(window.items()).isNotEmpty();
    }

    // ---- the history's steps -------------------------------------------------------------------------------------

    private TenantFixture tenant(String name) {
        TenantFixture fixture = new TenantFixture(name);
        core.createTenant()
                .handle(new CreateTenant.Command(
                        Optional.of(fixture.tenant), new TenantSlug(name), name, Optional.empty()));
        ports.transactions().inTransaction(fixture.tenant, () -> {
            ports.people().addOrganization(fixture.organization);
            fixture.everyone().forEach(ports.people()::add);
            return null;
        });
        return fixture;
    }

    private Instant at(String instant) {
        clock.set(Instant.parse(instant));
        return clock.instant();
    }

    private TicketId file(
            TenantFixture tenant,
            org.supportdesk.domain.tenant.CustomerActor who,
            String subject,
            Priority priority,
            Instant at) {
        TicketId id = core.portal()
                .fileTicket()
                .handle(new FileTicket.Command(
                        who,
                        new Subject(subject),
                        new Description("About " + subject),
                        new Category("technical"),
                        priority,
                        PortalContext.NONE,
                        Optional.empty()))
                .id();
        filed.add(stored(tenant, id));
        return id;
    }

    private void reply(StaffActor agent, TicketId ticket, Instant at) {
        core.desk()
                .replyToTicket()
                .handle(new ReplyToTicket.Command(agent, ticket, new Body("On it"), Via.API, false, Optional.empty()));
    }

    private void status(StaffActor agent, TicketId ticket, TicketStatus to, Instant at) {
        core.desk()
                .changeTicketStatus()
                .handle(new ChangeTicketStatus.Command(agent, ticket, to, Optional.empty(), Optional.empty()));
    }

    private void assign(StaffActor agent, TicketId ticket, Instant at) {
        core.desk()
                .assignTicket()
                .handle(new AssignTicket.Command(agent, ticket, Optional.of(agent.id()), Optional.empty()));
    }

    private void rate(org.supportdesk.domain.tenant.CustomerActor who, TicketId ticket, int rating, Instant at) {
        core.portal()
                .giveFeedback()
                .handle(new GiveFeedback.Command(who, ticket, new Rating(rating), Optional.of("Rated " + rating)));
    }

    // ---- reading ---------------------------------------------------------------------------------------------------

    private TicketStats stats(TicketSelection selection, Optional<Instant> from, Optional<Instant> to) {
        return core.desk()
                .showTicketStats()
                .handle(new ShowTicketStats.Command(acme.agentActor(), selection, from, to));
    }

    private long listTotal(TicketFilter filter) {
        return core.desk()
                .listTickets()
                .handle(new ListTickets.Command(
                        acme.agentActor(), filter, TicketSort.NEWEST_FIRST, PageRequest.ofTickets(1, 1)))
                .total();
    }

    private List<TicketExportRow> export(TicketSelection selection, TicketSort sort) {
        List<TicketExportRow> rows = new ArrayList<>();
        List<Instant> began = new ArrayList<>();
        core.admin()
                .exportTickets()
                .handle(new ExportTickets.Command(acme.adminActor(), selection, sort), new ExportTickets.Sink() {
                    @Override
                    public void begin(Instant asOf) {
                        began.add(asOf);
                    }

                    @Override
                    public void row(TicketExportRow row) {
                        assertThat(began).as("begin comes before the rows").hasSize(1);
                        rows.add(row);
                    }
                });
        assertThat(began).containsExactly(clock.instant());
        return rows;
    }

    private Page<JournalEntry> audit(
            AuditLogFilter filter, Optional<org.supportdesk.domain.ticket.TicketNumber> number, int page, int limit) {
        return core.admin()
                .showAuditLog()
                .handle(new ShowAuditLog.Command(
                        acme.adminActor(), filter, number, PageRequest.ofTickets(page, limit)));
    }

    private TicketState stored(TicketId id) {
        return stored(acme, id);
    }

    private TicketState stored(TenantFixture tenant, TicketId id) {
        return ports.transactions().inTransaction(tenant.tenant, () -> ports.tickets()
                .findIncludingDeleted(tenant.tenant, id)
                .orElseThrow()
                .state());
    }

    private List<TicketState> liveTicketsOfAcme() {
        return filed.stream()
                .filter(t -> t.tenant().equals(acme.tenant))
                .map(t -> stored(t.id()))
                .filter(t -> !t.isDeleted())
                .collect(Collectors.toList());
    }

    private List<JournalEntry> journalOfAcme() {
        return ports.transactions().inTransaction(acme.tenant, () -> {
            List<JournalEntry> all = new ArrayList<>();
            for (TicketState ticket : filed) {
                if (ticket.tenant().equals(acme.tenant)) {
                    all.addAll(ports.journal()
                            .entriesAbout(acme.tenant, ticket.id().value()));
                }
            }
            all.addAll(ports.journal().entriesAbout(acme.tenant, acme.admin.id().value()));
            all.addAll(ports.journal().entriesAbout(acme.tenant, acme.tenant.value()));
            return all;
        });
    }

    private static Map<LocalDate, Long> nonZeroDays(TicketStats stats) {
        return stats.perDay().stream()
                .filter(d -> d.count() > 0)
                .collect(Collectors.toMap(TicketStats.DayCount::day, TicketStats.DayCount::count));
    }

    @SuppressWarnings("unused")
    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
