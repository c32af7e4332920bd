package org.supportdesk.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.application.access.SignIn;
import org.supportdesk.application.testing.InMemorySupportdesk;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.JournalEntry;
import org.supportdesk.domain.problem.Conflict;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.TenantSlug;

class CreateTenantTest {
    private final InMemorySupportdesk core = new InMemorySupportdesk();

    private CreateTenant.Created create(String slug) {
        return core.useCases
                .createTenant()
                .handle(CreateTenant.Command.withAdmin(
                        new TenantSlug(slug),
                        "Acme Support",
                        new CreateTenant.FirstAdmin(
                                Email.of("boss@" + slug + ".example"), "Boss", new Password("boss-password"))));
    }

    @Test
    void a_new_tenant_starts_with_the_defaults_and_an_admin_who_can_sign_in_and_it_is_all_journalled() {
        CreateTenant.Created created = create("acme");
        TenantId tenant = created.tenant();

        assertThat(core.tenants.bySlug("acme")).contains(tenant);
        assertThat(core.read(tenant, () -> core.configuration.settings(tenant))).isEqualTo(TenantSettings.defaults());
        assertThat(core.read(tenant, () -> core.slaSettings.currentPolicy(tenant)))
                .isEqualTo(SlaPolicy.defaults());
        assertThat(core.read(
                        tenant, () -> core.slaSettings.currentCalendar(tenant).version()))
                .isEqualTo(1);
        assertThat(created.admin()).hasValueSatisfying(admin -> {
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.tenant()).isEqualTo(tenant);
        });
        assertThat(core.useCases
                        .access()
                        .signIn()
                        .handle(new SignIn.Command("acme", "boss@acme.example", "boss-password")))
                .isPresent();
        assertThat(core.journal.all())
                .filteredOn(e -> e.tenant().equals(tenant))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.TENANT_CREATED, JournalAction.PERSON_CREATED);
    }

    @Test
    void a_taken_slug_is_a_conflict_and_creates_nothing() {
        create("acme");
        int journalled = core.journal.all().size();

        assertThatThrownBy(() -> create("acme")).isInstanceOf(Conflict.class).hasMessageContaining("acme");
        assertThat(core.tenants.all()).hasSize(1);
        assertThat(core.journal.all()).hasSize(journalled);
    }

    @Test
    void an_embedding_platform_may_name_the_tenant_id_and_add_staff_later() {
        TenantId theirs = new TenantId(UUID.fromString("0191e1d2-0000-7000-8000-000000000042"));

        CreateTenant.Created created = core.useCases
                .createTenant()
                .handle(new CreateTenant.Command(
                        Optional.of(theirs), new TenantSlug("hosted"), "Hosted", Optional.empty()));

        assertThat(created.tenant()).isEqualTo(theirs);
        assertThat(created.admin()).isEmpty();
        assertThat(core.tenants.bySlug("hosted")).contains(theirs);
    }

    @Test
    void a_slug_must_be_lowercase_letters_digits_and_dashes() {
        assertThatThrownBy(() -> new TenantSlug("Acme Corp"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(e.errors())
                        .singleElement()
                        .satisfies(f -> assertThat(f.field()).isEqualTo("slug")));
    }
}
