package org.supportdesk.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.UseCaseTest;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantSettings;

class AdminUseCasesTest extends UseCaseTest {
    @Test
    void an_admin_adds_an_agent_with_a_password_and_the_journal_says_so() {
        Person added = core.admin()
                .addPerson()
                .handle(new AddPerson.Command(
                        acme.adminActor(),
                        Email.of("Nina@Acme.example"),
                        "Nina",
                        Role.AGENT,
                        Optional.empty(),
                        Optional.of(new Password("correct horse"))));

        assertThat(added.active()).isTrue();
        assertThat(added.email().value()).isEqualTo("nina@acme.example");
        assertThat(core.read(acme.tenant, () -> core.credentials.passwordHash(acme.tenant, added.id())))
                .isPresent();
        assertThat(entries(JournalAction.PERSON_CREATED)).singleElement().satisfies(e -> {
            assertThat(e.targetId()).isEqualTo(added.id().value());
            assertThat(e.changes()).anySatisfy(c -> assertThat(c.after()).contains("agent"));
        });
    }

    @Test
    void a_taken_address_is_a_conflict_and_an_agent_cannot_add_anyone() {
        assertThatThrownBy(() -> core.admin()
                        .addPerson()
                        .handle(new AddPerson.Command(
                                acme.adminActor(),
                                acme.agent.email(),
                                "Again",
                                Role.AGENT,
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> core.admin()
                        .addPerson()
                        .handle(new AddPerson.Command(
                                acme.agentActor(),
                                Email.of("x@acme.example"),
                                "X",
                                Role.AGENT,
                                Optional.empty(),
                                Optional.empty())))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void a_customer_can_join_only_an_organisation_of_the_tenant() {
        assertThatThrownBy(() -> core.admin()
                        .addPerson()
                        .handle(new AddPerson.Command(
                                acme.adminActor(),
                                Email.of("x@acme.example"),
                                "X",
                                Role.CUSTOMER,
                                Optional.of(globex.organization.id()),
                                Optional.empty())))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void deactivating_an_agent_is_journalled_and_an_admin_cannot_deactivate_themselves() {
        Person updated = core.admin()
                .updatePerson()
                .handle(new UpdatePerson.Command(
                        acme.adminActor(),
                        PeopleList.STAFF,
                        acme.agent.id(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(false)));

        assertThat(updated.active()).isFalse();
        assertThat(core.read(acme.tenant, () -> core.people.person(acme.tenant, acme.agent.id()))
                        .orElseThrow()
                        .active())
                .isFalse();
        assertThat(entries(JournalAction.PERSON_UPDATED)).hasSize(1);
        assertThatThrownBy(() -> core.admin()
                        .updatePerson()
                        .handle(new UpdatePerson.Command(
                                acme.adminActor(),
                                PeopleList.STAFF,
                                acme.admin.id(),
                                Optional.empty(),
                                Optional.of(Role.AGENT),
                                Optional.empty())))
                .isInstanceOf(ValidationFailed.class);
    }

    @Test
    void a_customer_is_not_found_on_the_staff_list_nor_another_tenants_person() {
        assertThatThrownBy(() -> core.admin()
                        .getPerson()
                        .handle(new GetPerson.Command(acme.adminActor(), PeopleList.STAFF, acme.customer.id())))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> core.admin()
                        .getPerson()
                        .handle(new GetPerson.Command(acme.adminActor(), PeopleList.STAFF, globex.agent.id())))
                .isInstanceOf(NotFound.class);
        assertThat(core.admin()
                        .listPeople()
                        .handle(new ListPeople.Command(
                                acme.agentActor(), PeopleList.STAFF, PageRequest.ofTickets(1, 20)))
                        .total())
                .isEqualTo(3);
    }

    @Test
    void removing_a_category_in_use_is_a_conflict_and_nothing_changes() {
        aTicket(); // category technical

        assertThatThrownBy(() -> core.admin()
                        .replaceCategories()
                        .handle(new ReplaceCategories.Command(acme.adminActor(), Set.of(new Category("bug")))))
                .isInstanceOf(Conflict.class)
                .hasMessageContaining("technical");
        assertThat(core.read(acme.tenant, () -> core.configuration.settings(acme.tenant)))
                .isEqualTo(TenantSettings.defaults());

        TenantSettings after = core.admin()
                .replaceCategories()
                .handle(new ReplaceCategories.Command(
                        acme.adminActor(), Set.of(new Category("technical"), new Category("hardware"))));

        assertThat(after.categories()).containsExactlyInAnyOrder(new Category("technical"), new Category("hardware"));
        assertThat(entries(JournalAction.SETTINGS_CHANGED)).hasSize(1);
    }

    @Test
    void settings_change_the_delays_and_keep_the_categories() {
        TenantSettings after =
                core.admin().changeSettings().handle(new ChangeSettings.Command(acme.adminActor(), 3, 10));

        assertThat(after.reopenWindow()).isEqualTo(Duration.ofDays(3));
        assertThat(after.autoCloseDelay()).isEqualTo(Duration.ofDays(10));
        assertThat(after.categories()).isEqualTo(TenantSettings.defaults().categories());
        assertThat(core.read(globex.tenant, () -> core.configuration.settings(globex.tenant)))
                .isEqualTo(TenantSettings.defaults());
        assertThatThrownBy(() -> new ChangeSettings.Command(acme.adminActor(), 0, 400))
                .isInstanceOf(ValidationFailed.class)
                .satisfies(e -> assertThat(((ValidationFailed) e).errors()).hasSize(2));
    }

    @Test
    void an_api_token_acts_as_its_own_inactive_identity_until_revoked() {
        CreateApiToken.Created created =
                core.admin().createApiToken().handle(new CreateApiToken.Command(acme.adminActor(), "CI", Role.AGENT));

        var actor = core.useCases
                .access()
                .identifyApiToken()
                .handle(new org.supportdesk.application.access.IdentifyApiToken.Command(
                        created.secret().value()));
        Person identity = core.read(
                        acme.tenant,
                        () -> core.people.person(acme.tenant, created.token().identity()))
                .orElseThrow();

        assertThat(actor).hasValueSatisfying(a -> {
            assertThat(a.id()).isEqualTo(identity.id());
            assertThat(a.role()).isEqualTo(Role.AGENT);
            assertThat(a.name()).isEqualTo("CI");
        });
        assertThat(identity.active()).isFalse();
        assertThat(identity.isAssignable()).isFalse();

        core.admin()
                .revokeApiToken()
                .handle(new RevokeApiToken.Command(
                        acme.adminActor(), created.token().id()));

        assertThat(core.useCases
                        .access()
                        .identifyApiToken()
                        .handle(new org.supportdesk.application.access.IdentifyApiToken.Command(
                                created.secret().value())))
                .isEmpty();
        assertThat(entries(JournalAction.API_TOKEN_CREATED)).hasSize(1);
        assertThat(entries(JournalAction.API_TOKEN_REVOKED)).hasSize(1);
        assertThatThrownBy(() -> core.admin()
                        .revokeApiToken()
                        .handle(new RevokeApiToken.Command(
                                globex.adminActor(), created.token().id())))
                .isInstanceOf(NotFound.class);
    }

    private List<JournalEntry> entries(JournalAction action) {
        return core.journal.all().stream().filter(e -> e.action() == action).toList();
    }
}
