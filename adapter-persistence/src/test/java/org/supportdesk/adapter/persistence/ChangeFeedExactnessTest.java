package org.supportdesk.adapter.persistence;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.feed.FeedItem;
import org.supportdesk.application.feed.ReadChanges;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.Subject;
import org.supportdesk.domain.ticket.TicketState;

/**
 * The change feed's promise (§16) against the real database: eight writers in one tenant, a fifth of their changes
 * rolled back, and a reader following the feed while they write. The reader sees cursors 1, 2, 3 … with no hole and no
 * repeat, every committed change exactly once, and nothing of a rolled-back one.
 */
@ExtendWith(PostgresExtension.class)
class ChangeFeedExactnessTest {
    private static final int WRITERS = 8;
    private static final int CHANGES_PER_WRITER = 250;
    private static final int TICKETS = 16;

    private final JdbiSupportdesk core;
    private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);

    ChangeFeedExactnessTest(TestDatabase database) {
        this.core = new JdbiSupportdesk(database);
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertThat(threads.awaitTermination(30, SECONDS)).isTrue();
    }

    @Test
    void a_reader_following_concurrent_writers_sees_every_committed_change_once_in_order_and_no_rolled_back_one()
            throws Exception {
        TenantFixture tenant = core.newTenant();
        List<TicketState> tickets = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            tickets.add(core.fileAndRead(JdbiSupportdesk.filing(tenant, "Feed ticket " + i)));
        }
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);

        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(20261201L + w);
            int writer = w;
            writers.add(threads.submit(() -> {
                for (int i = 0; i < CHANGES_PER_WRITER; i++) {
                    TicketState ticket = tickets.get(random.nextInt(TICKETS));
                    String subject = "w" + writer + "-c" + i;
                    boolean rollBack = random.nextInt(5) == 0;
                    try {
                        core.stores.transactions().inTransaction(tenant.tenant, () -> {
                            rename(
                                    tenant,
                                    ticket,
                                    subject,
                                    Priority.values()[random.nextInt(Priority.values().length)]);
                            if (rollBack) {
                                throw new RolledBack();
                            }
                            return null;
                        });
                        committed.add(subject);
                    } catch (RolledBack expected) {
                        rolledBack.add(subject);
                    }
                }
                return null;
            }));
        }
        Future<List<FeedItem>> reader = Executors.newSingleThreadExecutor().submit(() -> follow(tenant, writing));
        for (Future<?> writer : writers) {
            writer.get(300, SECONDS);
        }
        writing.set(false);
        List<FeedItem> seen = reader.get(120, SECONDS);

        assertThat(seen)
                .extracting(FeedItem::cursor)
                .as("cursors 1, 2, 3 … with no hole and no repeat")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, seen.size())
                        .boxed()
                        .toList());
        List<String> renamedTo = seen.stream()
                .filter(item ->
                        item.type().equals("ticket_updated") && item.data().contains("\"field\":\"subject\""))
                .map(item -> subjectAfter(item.data()))
                .toList();
        assertThat(renamedTo).doesNotHaveDuplicates();
        assertThat(new HashSet<>(renamedTo)).isEqualTo(committed);
        assertThat(renamedTo).doesNotContainAnyElementsOf(rolledBack);
        assertThat(rolledBack).isNotEmpty();
        assertThat(seen).hasSize((int)
                core.unrestrictedCount("SELECT count(*) FROM journal WHERE tenant_id = ?", tenant.tenant.value()));
    }

    /** Reads the feed from the start while the writers write, checking every answer goes on where the last stopped. */
    private List<FeedItem> follow(TenantFixture tenant, AtomicBoolean writing) {
        List<FeedItem> seen = new ArrayList<>();
        long cursor = 0;
        boolean drained = false;
        while (!drained) {
            boolean last = !writing.get();
            ReadChanges.Changes changes = core.useCases
                    .live()
                    .readChanges()
                    .handle(new ReadChanges.Command(tenant.agentActor(), OptionalLong.of(cursor), 200));
            for (FeedItem item : changes.items()) {
                assertThat(item.cursor()).as("the next cursor, never one ahead").isEqualTo(cursor + 1);
                cursor = item.cursor();
                seen.add(item);
            }
            assertThat(changes.nextCursor()).isEqualTo(cursor);
            drained = last && changes.items().isEmpty();
        }
        return seen;
    }

    /** Renames the ticket, and in the same change gives it {@code priority}: two events when that is new to it. */
    private void rename(TenantFixture tenant, TicketState ticket, String subject, Priority priority) {
        core.useCases.changes().change(tenant.agentActor(), ticket.id(), Optional.empty(), (loaded, context) -> {
            loaded.changeSubject(new Subject(subject), context);
            loaded.changePriority(priority, context);
        });
    }

    /** The subject a {@code ticket_updated} event's staff data says the ticket was renamed to. */
    private static String subjectAfter(String data) {
        int at = data.indexOf("\"field\":\"subject\"");
        int after = data.indexOf("\"after\":\"", at) + "\"after\":\"".length();
        return data.substring(after, data.indexOf('"', after));
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("rolled back on purpose", null, false, false);
        }
    }
}
