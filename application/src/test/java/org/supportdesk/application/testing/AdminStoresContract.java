package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.port.ApiTokens;
import org.supportdesk.domain.port.Credentials;
import org.supportdesk.domain.port.Page;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.People;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.ApiToken;
import org.supportdesk.domain.tenant.ApiTokenId;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Language;
import org.supportdesk.domain.tenant.Organization;
import org.supportdesk.domain.tenant.OrganizationId;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.tenant.UserId;

/**
 * What the stores behind the admin routes must do, whatever holds them: people listed by role in email order with
 * exact totals, people and organisations updated in place, password hashes, API tokens found by their digest, settings
 * replaced whole; and every one of them keeps tenants apart. An adapter's test extends this and supplies the stores.
 */
public abstract class AdminStoresContract {
    private static final String CI_DIGEST = "c1".repeat(32);
    private static final String LATER_DIGEST = "1a".repeat(32);
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant now = Instant.parse("2026-03-02T09:00:00.123456Z");

    protected abstract People people();

    protected abstract Credentials credentials();

    protected abstract ApiTokens apiTokens();

    protected abstract TenantConfiguration configuration();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant, its organisation and its people known to the stores. */
    protected abstract void givenTenant(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void people_are_listed_by_role_in_email_order_with_exact_totals_and_only_in_their_tenant() {
        Page<Person> first = inAcme(() -> people().list(acme.tenant, Set.of(Role.AGENT, Role.ADMIN), page(1, 2)));
        Page<Person> second = inAcme(() -> people().list(acme.tenant, Set.of(Role.AGENT, Role.ADMIN), page(2, 2)));
        Page<Person> customers = inAcme(() -> people().list(acme.tenant, Set.of(Role.CUSTOMER), page(1, 10)));
        Page<Person> pastTheEnd = inAcme(() -> people().list(acme.tenant, Set.of(Role.AGENT, Role.ADMIN), page(3, 2)));

        assertThat(first.total()).isEqualTo(3);
        assertThat(first.items()).extracting(Person::name).containsExactly("Adam", "Agnes");
        assertThat(second.items()).extracting(Person::name).containsExactly("Dora");
        assertThat(customers.items()).extracting(Person::name).containsExactly("Carla", "Colin", "Oscar");
        assertThat(customers.items()).allMatch(p -> p.tenant().equals(acme.tenant));
        assertThat(pastTheEnd.items()).isEmpty();
        assertThat(pastTheEnd.total()).isEqualTo(3);
        assertThat(inAcme(() -> people().list(acme.tenant, Set.of(), page(1, 10))))
                .as("a first page with nothing on it")
                .satisfies(none -> assertThat(none.items()).isEmpty())
                .satisfies(none -> assertThat(none.total()).isZero());
    }

    @Test
    void an_update_replaces_name_role_active_and_language_and_reaches_no_other_tenant() {
        Person promoted = new Person(
                acme.agent.id(),
                acme.tenant,
                acme.agent.email(),
                "Agnes Admin",
                Role.ADMIN,
                Optional.empty(),
                false,
                Language.RU);

        inAcme(() -> {
            people().update(promoted);
            return null;
        });

        assertThat(inAcme(() -> people().person(acme.tenant, acme.agent.id()))).contains(promoted);
        assertThat(inGlobex(() -> people().person(globex.tenant, acme.agent.id())))
                .isEmpty();
        assertThat(inGlobex(() -> people().person(globex.tenant, globex.agent.id())))
                .contains(globex.agent);
    }

    @Test
    void a_caller_is_read_without_a_transaction_with_their_organisation_and_only_in_their_tenant() {
        assertThat(people().caller(acme.tenant, acme.customer.id()))
                .contains(new People.Caller(acme.customer, Optional.of(acme.organization)));
        assertThat(people().caller(acme.tenant, acme.agent.id()))
                .contains(new People.Caller(acme.agent, Optional.empty()));
        assertThat(people().caller(acme.tenant, acme.deactivatedAgent.id()))
                .hasValueSatisfying(
                        caller -> assertThat(caller.person().active()).isFalse());
        assertThat(people().caller(globex.tenant, acme.customer.id())).isEmpty();
        assertThat(people().caller(acme.tenant, new UserId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void a_caller_is_read_inside_a_transaction_of_their_tenant_and_refused_inside_another() {
        Person newcomer = new Person(
                new UserId(UUID.randomUUID()),
                acme.tenant,
                Email.of("newcomer-" + run + "@example.com"),
                "Nora",
                Role.AGENT,
                Optional.empty(),
                true,
                Language.EN);

        Optional<People.Caller> seenBeforeCommit = inAcme(() -> {
            people().add(newcomer);
            return people().caller(acme.tenant, newcomer.id());
        });

        assertThat(seenBeforeCommit).contains(new People.Caller(newcomer, Optional.empty()));
        assertThatThrownBy(() -> inGlobex(() -> people().caller(acme.tenant, acme.agent.id())))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void organisations_are_added_updated_and_listed_by_name_in_their_tenant_only() {
        Organization zeta = new Organization(new OrganizationId(UUID.randomUUID()), acme.tenant, "Zeta", false);
        Organization beta = new Organization(new OrganizationId(UUID.randomUUID()), acme.tenant, "Beta", false);
        inAcme(() -> {
            people().addOrganization(zeta);
            people().addOrganization(beta);
            people().updateOrganization(new Organization(beta.id(), acme.tenant, "Beta Ltd", true));
            return null;
        });

        Page<Organization> all = inAcme(() -> people().organizations(acme.tenant, page(1, 10)));

        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items())
                .extracting(Organization::name)
                .containsExactly("Acme " + acmeName(), "Beta Ltd", "Zeta");
        assertThat(inAcme(() -> people().organization(acme.tenant, beta.id()))
                        .orElseThrow()
                        .sharedTickets())
                .isTrue();
        assertThat(inGlobex(() -> people().organization(globex.tenant, beta.id())))
                .isEmpty();
        assertThat(inGlobex(
                        () -> people().organizations(globex.tenant, page(1, 10)).total()))
                .isEqualTo(1);
    }

    @Test
    void a_password_hash_is_kept_per_person_and_tenant() {
        inAcme(() -> {
            credentials().setPasswordHash(acme.tenant, acme.agent.id(), "hash-1");
            credentials().setPasswordHash(acme.tenant, acme.agent.id(), "hash-2");
            return null;
        });

        assertThat(inAcme(() -> credentials().passwordHash(acme.tenant, acme.agent.id())))
                .contains("hash-2");
        assertThat(inAcme(() -> credentials().passwordHash(acme.tenant, acme.admin.id())))
                .isEmpty();
        assertThat(inGlobex(() -> credentials().passwordHash(globex.tenant, acme.agent.id())))
                .isEmpty();
    }

    @Test
    void api_tokens_are_found_by_id_and_digest_in_their_tenant_and_revocation_is_kept() {
        ApiToken ci = token(acme, "CI", Role.AGENT, now);
        ApiToken later = token(acme, "Later", Role.ADMIN, now.plusSeconds(60));
        inAcme(() -> {
            apiTokens().add(later, LATER_DIGEST);
            apiTokens().add(ci, CI_DIGEST);
            return null;
        });

        assertThat(inAcme(() -> apiTokens().bySecretDigest(acme.tenant, CI_DIGEST)))
                .contains(ci);
        assertThat(inAcme(() -> apiTokens().find(acme.tenant, later.id()))).contains(later);
        assertThat(inAcme(() -> apiTokens().list(acme.tenant))).containsExactly(ci, later);
        assertThat(inGlobex(() -> apiTokens().bySecretDigest(globex.tenant, CI_DIGEST)))
                .isEmpty();
        assertThat(inGlobex(() -> apiTokens().find(globex.tenant, ci.id()))).isEmpty();
        assertThat(inGlobex(() -> apiTokens().list(globex.tenant))).isEmpty();

        ApiToken revoked = ci.revoked(now.plusSeconds(120));
        inAcme(() -> {
            apiTokens().update(revoked);
            return null;
        });

        assertThat(inAcme(() -> apiTokens().bySecretDigest(acme.tenant, CI_DIGEST)))
                .contains(revoked);
    }

    @Test
    void an_api_token_is_found_by_its_digest_without_a_transaction_and_refused_inside_another_tenants() {
        ApiToken ci = token(acme, "CI", Role.AGENT, now);
        inAcme(() -> {
            apiTokens().add(ci, CI_DIGEST);
            return null;
        });

        assertThat(apiTokens().bySecretDigest(acme.tenant, CI_DIGEST)).contains(ci);
        assertThat(apiTokens().bySecretDigest(globex.tenant, CI_DIGEST)).isEmpty();
        assertThat(apiTokens().bySecretDigest(acme.tenant, LATER_DIGEST)).isEmpty();
        assertThatThrownBy(() -> inGlobex(() -> apiTokens().bySecretDigest(acme.tenant, CI_DIGEST)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void saved_settings_replace_categories_and_delays_of_their_tenant_only() {
        TenantSettings changed = new TenantSettings(
                Set.of(new Category("bug"), new Category("hardware")),
                Duration.ofDays(3),
                Duration.ofDays(14),
                new AttachmentLimits(2 * AttachmentLimits.MEGABYTE, 3, 20 * AttachmentLimits.MEGABYTE));

        inAcme(() -> {
            configuration().save(acme.tenant, changed);
            return null;
        });

        assertThat(inAcme(() -> configuration().settings(acme.tenant))).isEqualTo(changed);
        assertThat(inGlobex(() -> configuration().settings(globex.tenant))).isEqualTo(TenantSettings.defaults());

        TenantSettings withRetention = new TenantSettings(
                Set.of(),
                Duration.ofDays(3),
                Duration.ofDays(14),
                changed.attachmentLimits(),
                Optional.of(Duration.ofDays(30)));
        inAcme(() -> {
            configuration().save(acme.tenant, withRetention);
            return null;
        });
        assertThat(inAcme(() -> configuration().settings(acme.tenant))).isEqualTo(withRetention);
    }

    private ApiToken token(TenantFixture tenant, String name, Role role, Instant createdAt) {
        Person identity = new Person(
                new UserId(UUID.randomUUID()),
                tenant.tenant,
                Email.of("token-" + UUID.randomUUID() + "@api-tokens.invalid"),
                name,
                role,
                Optional.empty(),
                false);
        inTx(tenant, () -> {
            people().add(identity);
            return null;
        });
        return new ApiToken(
                new ApiTokenId(UUID.randomUUID()),
                tenant.tenant,
                name,
                role,
                identity.id(),
                tenant.admin.id(),
                createdAt.truncatedTo(ChronoUnit.MICROS),
                Optional.empty());
    }

    private String acmeName() {
        return "acme-" + run;
    }

    private static PageRequest page(int page, int limit) {
        return PageRequest.ofTickets(page, limit);
    }

    private <T> T inAcme(Supplier<T> work) {
        return inTx(acme, work);
    }

    private <T> T inGlobex(Supplier<T> work) {
        return inTx(globex, work);
    }

    private <T> T inTx(TenantFixture tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant.tenant, work);
    }
}
