package org.supportdesk.adapter.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.admin.AddPerson;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.ConcurrentChange;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * A check-then-insert that loses to a concurrent insert of the same unique value (the review's P2) is a 409-class
 * {@link ConcurrentChange}, never an unexplained failure: the loser checked before the winner committed, so only the
 * database's unique index sees the clash.
 */
@ExtendWith(PostgresExtension.class)
class LostRaceTest {
    private final JdbiSupportdesk core;
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    LostRaceTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, SECONDS)).isTrue();
    }

    @Test
    void two_admins_adding_the_same_email_at_once_give_one_person_and_one_concurrent_change() throws Exception {
        TenantFixture tenant = core.newTenant();
        StaffActor admin = StaffActor.of(tenant.admin);
        AddPerson.Command dana = new AddPerson.Command(
                admin, Email.of("dana@race.example"), "Dana", Role.AGENT, Optional.empty(), Optional.empty());
        CountDownLatch firstAdded = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        Future<Person> first = threads.submit(() -> core.stores.transactions().inTransaction(tenant.tenant, () -> {
            Person added = core.useCases.admin().addPerson().handle(dana);
            firstAdded.countDown();
            await(commitFirst); // holds the new row uncommitted: the second add's check cannot see it
            return added;
        }));
        await(firstAdded);
        Future<Person> second =
                threads.submit(() -> core.useCases.admin().addPerson().handle(dana));
        while (core.unrestrictedCount(
                        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()")
                == 0) {
            Thread.sleep(10); // until the second insert waits on the first's unique key
        }
        commitFirst.countDown();

        assertThat(first.get(30, SECONDS).email()).isEqualTo(dana.email());
        assertThatThrownBy(() -> second.get(30, SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(ConcurrentChange.class);
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM users WHERE tenant_id = ? AND email = ?",
                        tenant.tenant.value(),
                        "dana@race.example"))
                .isOne();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, SECONDS)) {
                throw new IllegalStateException("the other side never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
