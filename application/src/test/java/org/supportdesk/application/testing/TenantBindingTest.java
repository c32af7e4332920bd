package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallRequest;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.kb.Article;
import org.supportdesk.domain.kb.ArticleBody;
import org.supportdesk.domain.kb.ArticleId;
import org.supportdesk.domain.kb.ArticleStatus;
import org.supportdesk.domain.kb.ArticleTags;
import org.supportdesk.domain.kb.ArticleTitle;
import org.supportdesk.domain.port.AuditLogFilter;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.StatsWindow;
import org.supportdesk.domain.port.TicketFilter;
import org.supportdesk.domain.port.TicketSort;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.Author;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.TenantSlug;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The in-memory stores keep the tenant contract the PostgreSQL ones keep under row-level security: a call outside any
 * transaction, or inside another tenant's, is refused before it reads or writes anything.
 */
class TenantBindingTest {
    private final InMemorySupportdesk core = new InMemorySupportdesk();
    private final TenantFixture acme = core.store(new TenantFixture("acme"));
    private final TenantFixture globex = core.store(new TenantFixture("globex"));

    /** One read and one write of every store family, each for acme. */
    static Stream<Arguments> calls() {
        return Stream.of(
                call("people: read", (core, acme) -> core.people.person(acme.tenant, acme.agent.id())),
                call("people: write", (core, acme) -> core.people.update(acme.agent)),
                call("credentials: read", (core, acme) -> core.credentials.passwordHash(acme.tenant, acme.agent.id())),
                call(
                        "credentials: write",
                        (core, acme) -> core.credentials.setPasswordHash(acme.tenant, acme.agent.id(), "hash")),
                call("api tokens: read", (core, acme) -> core.apiTokens.list(acme.tenant)),
                call("tickets: read", (core, acme) -> core.tickets.find(acme.tenant, new TicketId(UUID.randomUUID()))),
                call(
                        "ticket lists: read",
                        (core, acme) -> core.tickets.list(
                                acme.tenant,
                                TicketFilter.builder().build(),
                                TicketSort.NEWEST_FIRST,
                                PageRequest.ofTickets(1, 20))),
                call(
                        "ticket stats: read",
                        (core, acme) -> core.tickets.stats(
                                acme.tenant,
                                TicketFilter.ALL,
                                new StatsWindow(Instant.EPOCH, Instant.EPOCH.plusSeconds(60)))),
                call(
                        "ticket export: read",
                        (core, acme) ->
                                core.tickets.export(acme.tenant, TicketFilter.ALL, TicketSort.NEWEST_FIRST, row -> {})),
                call(
                        "audit log: read",
                        (core, acme) -> core.journal.staffEntries(
                                acme.tenant, AuditLogFilter.ALL, PageRequest.ofTickets(1, 20))),
                call("ticket numbers: write", (core, acme) -> core.numbers.next(acme.tenant, 2026)),
                call("settings: read", (core, acme) -> core.configuration.settings(acme.tenant)),
                call(
                        "settings: write",
                        (core, acme) -> core.configuration.save(acme.tenant, TenantSettings.defaults())),
                call("SLA settings: read", (core, acme) -> core.slaSettings.currentPolicy(acme.tenant)),
                call(
                        "SLA settings: write",
                        (core, acme) -> core.slaSettings.addPolicy(
                                acme.tenant,
                                new SlaPolicy(2, SlaPolicy.defaults().targets()))),
                call("journal: read", (core, acme) -> core.journal.entriesAbout(acme.tenant, acme.tenant.value())),
                call(
                        "journal: write",
                        (core, acme) -> core.journal.append(new JournalEntry(
                                UUID.randomUUID(),
                                acme.tenant,
                                Author.SYSTEM,
                                JournalAction.SETTINGS_CHANGED,
                                TargetKind.TENANT,
                                acme.tenant.value(),
                                List.of(),
                                "guard",
                                Instant.EPOCH))),
                call(
                        "outbox: write",
                        (core, acme) -> core.outbox.enqueue(new NotificationIntent(
                                UUID.randomUUID(),
                                acme.tenant,
                                NotificationIntent.NotificationTopic.TICKET_CREATED,
                                new TicketId(UUID.randomUUID()),
                                Set.of(NotificationIntent.Audience.ALL_AGENTS),
                                "guard",
                                Instant.EPOCH))),
                call(
                        "notifications: read",
                        (core, acme) -> core.notifications.list(
                                acme.tenant, acme.agent.id(), false, PageRequest.ofTickets(1, 20))),
                call(
                        "notifications: write",
                        (core, acme) -> core.notifications.markAllRead(acme.tenant, acme.agent.id(), Instant.EPOCH)),
                call(
                        "idempotency records: read",
                        (core, acme) -> core.idempotencyRecords.find(
                                new IdempotencyKey(acme.tenant, "caller", "POST", "/x", "key"), Instant.EPOCH)),
                call(
                        "knowledge base: read",
                        (core, acme) -> core.knowledgeBase.find(acme.tenant, new ArticleId(UUID.randomUUID()))),
                call(
                        "knowledge base: write",
                        (core, acme) -> core.knowledgeBase.add(Article.write(
                                new ArticleId(UUID.randomUUID()),
                                acme.tenant,
                                new ArticleTitle("Guard"),
                                new ArticleBody("Guard"),
                                ArticleStatus.DRAFT,
                                ArticleTags.NONE,
                                Instant.EPOCH))),
                call(
                        "call requests: read",
                        (core, acme) -> core.callRequests.find(acme.tenant, new CallId(UUID.randomUUID()))),
                call(
                        "call requests: write",
                        (core, acme) -> core.callRequests.add(CallRequest.request(
                                new CallId(UUID.randomUUID()),
                                acme.customerActor(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Instant.EPOCH))),
                call(
                        "tenants: write",
                        (core, acme) ->
                                core.tenants.add(acme.tenant, new TenantSlug("acme-too"), "Acme", Instant.EPOCH)));
    }

    private static Arguments call(String name, BiConsumer<InMemorySupportdesk, TenantFixture> call) {
        return Arguments.of(name, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void a_call_outside_any_transaction_is_refused_and_changes_nothing(
            String name, BiConsumer<InMemorySupportdesk, TenantFixture> call) {
        Object before = everything();

        assertThatThrownBy(() -> call.accept(core, acme))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside any transaction");
        assertThat(everything()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void a_call_inside_another_tenants_transaction_is_refused_and_changes_nothing(
            String name, BiConsumer<InMemorySupportdesk, TenantFixture> call) {
        Object before = everything();

        assertThatThrownBy(() -> core.transactions.inTransaction(globex.tenant, () -> {
                    call.accept(core, acme);
                    return null;
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot act for " + acme.tenant);
        assertThat(everything()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void the_same_call_inside_its_own_tenants_transaction_is_served(
            String name, BiConsumer<InMemorySupportdesk, TenantFixture> call) {
        core.transactions.inTransaction(acme.tenant, () -> {
            call.accept(core, acme);
            return null;
        });
        assertThat(core.binding.current()).isEmpty();
    }

    private List<Object> everything() {
        return Stream.of(
                        core.people,
                        core.tickets,
                        core.journal,
                        core.outbox,
                        core.notifications,
                        core.idempotencyRecords,
                        core.slaSettings,
                        core.configuration,
                        core.credentials,
                        core.apiTokens,
                        core.knowledgeBase,
                        core.callRequests)
                .map(Snapshotting::snapshot)
                .map(TenantBindingTest::comparable)
                .toList();
    }

    /** Snapshots are arrays of copies; compare their contents. */
    private static Object comparable(Object snapshot) {
        return snapshot instanceof Object[] parts ? List.of(parts) : snapshot;
    }
}
