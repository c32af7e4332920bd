package org.supportdesk.application.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.NotificationIntent.NotificationTopic;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.ticket.CustomFields;
import org.supportdesk.domain.ticket.Description;
import org.supportdesk.domain.ticket.PortalContext;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketNumber;
import org.supportdesk.domain.ticket.TicketSource;
import org.supportdesk.domain.ticket.TicketState;
import org.supportdesk.domain.ticket.TicketStatus;

class FileTicketTest {
    final InMemorySupportdesk core = new InMemorySupportdesk();
    final TenantFixture acme = core.store(new TenantFixture("acme"));
    final TenantFixture globex = core.store(new TenantFixture("globex"));

    static FileTicket.Command filing(TenantFixture t, String subject) {
        return new FileTicket.Command(
                t.customerActor(),
                new Subject(subject),
                new Description("It does not work"),
                new Category("bug"),
                Priority.HIGH,
                new PortalContext(Optional.of("https://app.example/settings"), Optional.of("Firefox 140")),
                Optional.empty());
    }

    @Test
    void a_customer_files_a_new_ticket_with_a_number_journal_entry_and_staff_notification() {
        TicketState ticket = core.fileAndRead(filing(acme, "  Login fails  "));

        assertThat(ticket.number()).isEqualTo(new TicketNumber(2026, 1));
        assertThat(ticket.number().toString()).isEqualTo("TKT-2026-000001");
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.subject().value()).isEqualTo("Login fails");
        assertThat(ticket.requester()).isEqualTo(acme.customer.id());
        assertThat(ticket.organization()).contains(acme.organization.id());
        assertThat(ticket.source()).isEqualTo(TicketSource.PORTAL);
        assertThat(ticket.context().pageUrl()).contains("https://app.example/settings");
        assertThat(ticket.createdAt()).isEqualTo(core.clock.instant());
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(core.read(acme.tenant, () -> core.tickets.find(acme.tenant, ticket.id())))
                .isPresent();

        List<JournalEntry> history = core.read(
                acme.tenant,
                () -> core.journal.entriesAbout(acme.tenant, ticket.id().value()));
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(JournalAction.TICKET_FILED);
            assertThat(entry.actor().id()).contains(acme.customer.id());
            assertThat(entry.changes()).contains(FieldChange.of("status", null, "new"));
            assertThat(entry.correlationId()).isEqualTo("test-correlation");
        });
        assertThat(core.outbox.intents()).singleElement().satisfies(intent -> {
            assertThat(intent.topic()).isEqualTo(NotificationTopic.TICKET_CREATED);
            assertThat(intent.audiences()).containsExactlyInAnyOrder(Audience.ALL_AGENTS, Audience.WEBHOOKS);
            assertThat(intent.dedupKey()).isEqualTo(history.get(0).id().toString());
        });
    }

    @Test
    void numbers_count_per_tenant_and_never_repeat() {
        core.portal().fileTicket().handle(filing(acme, "First")).id();
        core.portal().fileTicket().handle(filing(acme, "Second")).id();
        TicketState other = core.fileAndRead(filing(globex, "Elsewhere"));

        assertThat(core.fileAndRead(filing(acme, "Third")).number().sequence()).isEqualTo(3);
        assertThat(other.number().sequence()).isEqualTo(1);
    }

    @Test
    void a_category_the_tenant_does_not_offer_is_refused_and_nothing_is_stored() {
        var command = new FileTicket.Command(
                acme.customerActor(),
                new Subject("Login fails"),
                new Description("x"),
                new Category("astrology"),
                Priority.LOW,
                PortalContext.NONE,
                Optional.empty());

        assertThatThrownBy(() -> core.portal().fileTicket().handle(command).id())
                .isInstanceOfSatisfying(
                        ValidationFailed.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("category"));
        assertThat(core.tickets.size()).isZero();
        assertThat(core.journal.all()).extracting(JournalEntry::action).containsOnly(JournalAction.TENANT_CREATED);
        assertThat(core.outbox.intents()).isEmpty();
    }

    @Test
    void a_follow_up_must_continue_a_resolved_or_closed_ticket_of_the_same_requester() {
        TicketState open = core.fileAndRead(filing(acme, "Still open"));
        var followUpOfOpen = new FileTicket.Command(
                acme.customerActor(),
                new Subject("More help"),
                new Description("x"),
                new Category("bug"),
                Priority.LOW,
                PortalContext.NONE,
                Optional.of(open.id()));
        assertThatThrownBy(
                        () -> core.portal().fileTicket().handle(followUpOfOpen).id())
                .isInstanceOf(ValidationFailed.class);

        core.portal()
                .closeOwnTicket()
                .handle(new CloseOwnTicket.Command(
                        acme.customerActor(), open.id(), Optional.empty(), Optional.empty()));
        TicketState followUp = core.fileAndRead(followUpOfOpen);
        assertThat(followUp.followUpOf()).contains(open.id());
    }

    @Test
    void staff_file_for_a_customer_found_by_email() {
        TicketState ticket = core.desk()
                .fileTicketForCustomer()
                .handle(staffFiling(
                        FileTicketForCustomer.Requester.byEmail(acme.customer.email(), Optional.empty()),
                        TicketSource.PHONE))
                .ticket();

        assertThat(ticket.requester()).isEqualTo(acme.customer.id());
        assertThat(ticket.source()).isEqualTo(TicketSource.PHONE);
        assertThat(ticket.customFields().json()).isEqualTo("{\"plan\":\"gold\"}");
        assertThat(core.read(
                        acme.tenant,
                        () -> core.journal.entriesAbout(acme.tenant, ticket.id().value())))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.TICKET_FILED);
        assertThat(core.read(
                                acme.tenant,
                                () -> core.journal.entriesAbout(
                                        acme.tenant, ticket.id().value()))
                        .get(0)
                        .actor()
                        .id())
                .contains(acme.agent.id());
    }

    @Test
    void staff_filing_for_an_unknown_email_creates_the_customer_without_a_password() {
        Email newcomer = Email.of("New.Person@Example.com");
        TicketState ticket = core.desk()
                .fileTicketForCustomer()
                .handle(staffFiling(
                        FileTicketForCustomer.Requester.byEmail(newcomer, Optional.of("New Person")),
                        TicketSource.EMAIL))
                .ticket();

        var created = core.read(
                acme.tenant, () -> core.people.personByEmail(acme.tenant, Email.of("new.person@example.com")));
        assertThat(created).hasValueSatisfying(p -> {
            assertThat(p.role()).isEqualTo(Role.CUSTOMER);
            assertThat(p.name()).isEqualTo("New Person");
            assertThat(p.id()).isEqualTo(ticket.requester());
        });
        assertThat(core.read(
                        acme.tenant,
                        () -> core.journal.entriesAbout(
                                acme.tenant, created.get().id().value())))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.PERSON_CREATED);
    }

    @Test
    void staff_cannot_file_for_staff_or_for_another_tenants_customer() {
        assertThatThrownBy(() -> core.desk()
                        .fileTicketForCustomer()
                        .handle(staffFiling(FileTicketForCustomer.Requester.byId(acme.admin.id()), TicketSource.API)))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> core.desk()
                        .fileTicketForCustomer()
                        .handle(staffFiling(
                                FileTicketForCustomer.Requester.byId(globex.customer.id()), TicketSource.API)))
                .isInstanceOf(ValidationFailed.class);
        assertThatThrownBy(() -> core.desk()
                        .fileTicketForCustomer()
                        .handle(staffFiling(
                                FileTicketForCustomer.Requester.byEmail(acme.agent.email(), Optional.empty()),
                                TicketSource.API)))
                .isInstanceOf(ValidationFailed.class);
        assertThat(core.tickets.size()).isZero();
    }

    @Test
    void staff_record_only_phone_email_or_api_as_the_source() {
        assertThatThrownBy(() ->
                        staffFiling(FileTicketForCustomer.Requester.byId(acme.customer.id()), TicketSource.PORTAL))
                .isInstanceOf(ValidationFailed.class);
    }

    FileTicketForCustomer.Command staffFiling(FileTicketForCustomer.Requester requester, TicketSource source) {
        return new FileTicketForCustomer.Command(
                acme.agentActor(),
                requester,
                new Subject("Called about invoices"),
                new Description("Customer phoned in"),
                new Category("billing"),
                Priority.MEDIUM,
                source,
                new CustomFields("{\"plan\":\"gold\"}"),
                Optional.empty());
    }
}
