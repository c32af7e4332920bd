package org.supportdesk.adapter.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.admin.PeopleList;
import org.supportdesk.application.admin.UpdatePerson;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Two admins demoting each other at the same instant (review finding P1), each in a transaction of its own on the
 * real database: one wins, the other finds itself no longer an admin, and the tenant always keeps one.
 */
@ExtendWith(PostgresExtension.class)
class AdminRosterRaceTest {
    private static final int TENANTS = 20;

    private final JdbiSupportdesk core;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    AdminRosterRaceTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, SECONDS)).isTrue();
    }

    @Test
    void two_admins_demoting_each_other_at_once_leave_exactly_one_admin() throws Exception {
        for (int i = 0; i < TENANTS; i++) {
            TenantFixture tenant = core.newTenant();
            StaffActor first = tenant.adminActor();
            Person promoted = core.useCases.admin().updatePerson().handle(roleChange(first, tenant.agent, Role.ADMIN));
            StaffActor second = StaffActor.of(promoted);
            CyclicBarrier together = new CyclicBarrier(2);

            List<Future<Person>> demotions = List.of(
                    threads.submit(() -> {
                        together.await(30, SECONDS);
                        return core.useCases.admin().updatePerson().handle(roleChange(first, promoted, Role.AGENT));
                    }),
                    threads.submit(() -> {
                        together.await(30, SECONDS);
                        return core.useCases
                                .admin()
                                .updatePerson()
                                .handle(roleChange(second, tenant.admin, Role.AGENT));
                    }));
            List<Throwable> refused = new ArrayList<>();
            for (Future<Person> demotion : demotions) {
                try {
                    demotion.get(60, SECONDS);
                } catch (ExecutionException e) {
                    refused.add(e.getCause());
                }
            }

            assertThat(refused).as("tenant %d", i).singleElement().isInstanceOf(Forbidden.class);
            assertThat(core.unrestrictedCount(
                            "SELECT count(*) FROM users WHERE tenant_id = ? AND role = 'admin' AND active",
                            tenant.tenant.value()))
                    .as("tenant %d", i)
                    .isOne();
        }
    }

    private static UpdatePerson.Command roleChange(StaffActor actor, Person person, Role role) {
        return new UpdatePerson.Command(
                actor, PeopleList.STAFF, person.id(), Optional.empty(), Optional.of(role), Optional.empty());
    }
}
