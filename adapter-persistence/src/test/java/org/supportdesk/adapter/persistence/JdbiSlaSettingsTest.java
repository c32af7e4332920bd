package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.Targets;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.ticket.Priority;

/** Every version of a policy and a calendar comes back exactly as stored, and only to its own tenant. */
@ExtendWith(PostgresExtension.class)
class JdbiSlaSettingsTest {
    private final JdbiSupportdesk core;

    JdbiSlaSettingsTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @Test
    void a_new_tenant_starts_with_the_default_policy_and_a_24_7_calendar_as_version_1() {
        TenantFixture tenant = core.newTenant();

        assertThat(inTenant(tenant, () -> core.stores.slaSettings().currentPolicy(tenant.tenant)))
                .isEqualTo(SlaPolicy.defaults());
        assertThat(inTenant(tenant, () -> core.stores.slaSettings().currentCalendar(tenant.tenant)))
                .isEqualTo(new AlwaysOpen(1));
        assertThat(inTenant(tenant, () -> core.stores.slaSettings().currentVersions(tenant.tenant)))
                .isEqualTo(new SlaSettings.CurrentVersions(1, 1));
    }

    @Test
    void versions_round_trip_including_24_00_split_shifts_and_holidays() {
        TenantFixture tenant = core.newTenant();
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new Targets(10 + p.ordinal(), 100 + p.ordinal()));
        }
        SlaPolicy policy = new SlaPolicy(2, targets);
        BusinessCalendar calendar = new WeeklyHoursCalendar(
                2,
                ZoneId.of("Australia/Lord_Howe"),
                WeeklyHours.mondayToFriday(
                                OpeningInterval.parse("09:00", "12:30"), OpeningInterval.parse("13:30", "17:00"))
                        .with(DayOfWeek.SATURDAY, OpeningInterval.parse("22:00", "24:00"))
                        .with(DayOfWeek.SUNDAY, OpeningInterval.parse("00:00", "06:00")),
                Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26)));

        inTenant(tenant, () -> {
            core.stores.slaSettings().addPolicy(tenant.tenant, policy);
            core.stores.slaSettings().addCalendar(tenant.tenant, calendar);
            return null;
        });

        assertThat(inTenant(tenant, () -> core.stores.slaSettings().currentPolicy(tenant.tenant)))
                .isEqualTo(policy);
        assertThat(inTenant(tenant, () -> core.stores.slaSettings().policy(tenant.tenant, 1)))
                .isEqualTo(SlaPolicy.defaults());
        assertThat(inTenant(tenant, () -> core.stores.slaSettings().currentCalendar(tenant.tenant)))
                .isEqualTo(calendar);
        assertThat(inTenant(tenant, () -> core.stores.slaSettings().calendar(tenant.tenant, 1)))
                .isEqualTo(new AlwaysOpen(1));
    }

    @Test
    void versions_only_ever_go_up_by_one_and_stay_in_their_tenant() {
        TenantFixture tenant = core.newTenant();
        TenantFixture other = core.newTenant();

        assertThatThrownBy(() -> inTenant(tenant, () -> {
                    core.stores
                            .slaSettings()
                            .addPolicy(
                                    tenant.tenant,
                                    new SlaPolicy(3, SlaPolicy.defaults().targets()));
                    return null;
                }))
                .isInstanceOf(IllegalArgumentException.class);
        inTenant(tenant, () -> {
            core.stores.slaSettings().addCalendar(tenant.tenant, new AlwaysOpen(2));
            return null;
        });

        assertThat(inTenant(other, () -> core.stores
                        .slaSettings()
                        .currentCalendar(other.tenant)
                        .version()))
                .isEqualTo(1);
        assertThatThrownBy(() -> inTenant(other, () -> core.stores.slaSettings().calendar(other.tenant, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(inTenant(tenant, () -> core.stores
                        .slaSettings()
                        .currentCalendar(tenant.tenant)
                        .version())))
                .containsExactly(2);
        assertThat(inTenant(tenant, () -> core.stores.slaSettings().currentVersions(tenant.tenant)))
                .as("a new calendar version, the policy's still the default")
                .isEqualTo(new SlaSettings.CurrentVersions(1, 2));
        assertThat(inTenant(other, () -> core.stores.slaSettings().currentVersions(other.tenant)))
                .isEqualTo(new SlaSettings.CurrentVersions(1, 1));
    }

    @Test
    void a_version_read_by_a_transaction_that_rolled_back_is_not_remembered_for_the_one_stored_later() {
        TenantFixture tenant = core.newTenant();
        SlaPolicy abandoned = policyWithFirstResponse(2, 11);
        SlaPolicy stored = policyWithFirstResponse(2, 22);

        assertThatThrownBy(() -> inTenant(tenant, () -> {
                    core.stores.slaSettings().addPolicy(tenant.tenant, abandoned);
                    core.stores.slaSettings().addCalendar(tenant.tenant, new AlwaysOpen(2));
                    assertThat(core.stores.slaSettings().policy(tenant.tenant, 2))
                            .isEqualTo(abandoned);
                    assertThat(core.stores.slaSettings().calendar(tenant.tenant, 2))
                            .isEqualTo(new AlwaysOpen(2));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        inTenant(tenant, () -> {
            core.stores.slaSettings().addPolicy(tenant.tenant, stored);
            return null;
        });

        assertThat(inTenant(tenant, () -> core.stores.slaSettings().policy(tenant.tenant, 2)))
                .isEqualTo(stored);
        assertThatThrownBy(
                        () -> inTenant(tenant, () -> core.stores.slaSettings().calendar(tenant.tenant, 2)))
                .as("the calendar version 2 rolled back with it")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_committed_version_is_read_once_and_then_answered_from_memory_inside_a_tenant_transaction_only()
            throws Exception {
        TenantFixture tenant = core.newTenant();
        SlaPolicy policy = policyWithFirstResponse(2, 33);
        inTenant(tenant, () -> {
            core.stores.slaSettings().addPolicy(tenant.tenant, policy);
            return null;
        });
        assertThat(inTenant(tenant, () -> core.stores.slaSettings().policy(tenant.tenant, 2)))
                .isEqualTo(policy);

        // Stored versions never change; taking the rows away behind the store's back shows it no longer reads them.
        try (Connection sql = core.database.unrestrictedConnection();
                PreparedStatement delete =
                        sql.prepareStatement("DELETE FROM sla_policy_targets WHERE tenant_id = ? AND version = 2")) {
            delete.setObject(1, tenant.tenant.value());
            assertThat(delete.executeUpdate()).isPositive();
        }

        assertThat(inTenant(tenant, () -> core.stores.slaSettings().policy(tenant.tenant, 2)))
                .isEqualTo(policy);
        assertThatThrownBy(() -> core.stores.slaSettings().policy(tenant.tenant, 2))
                .as("outside a transaction bound to the tenant, as a read would be")
                .isInstanceOf(IllegalStateException.class);
    }

    private static SlaPolicy policyWithFirstResponse(int version, int minutes) {
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            targets.put(p, new Targets(minutes + p.ordinal(), 1000 + p.ordinal()));
        }
        return new SlaPolicy(version, targets);
    }

    private <T> T inTenant(TenantFixture tenant, Supplier<T> work) {
        return core.stores.transactions().inTransaction(tenant.tenant, work);
    }
}
