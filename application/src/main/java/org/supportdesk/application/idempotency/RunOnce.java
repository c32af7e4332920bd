package org.supportdesk.application.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.port.IdempotencyRecord;
import org.supportdesk.domain.port.IdempotencyRecords;
import org.supportdesk.domain.port.TransactionRunner;

/**
 * Runs a creating request at most once per {@code Idempotency-Key} (§11, §17): the first run stores its answer in the
 * same transaction as its change; a retry with the same request gets that answer back; the same key with another
 * request is refused. Of concurrent first uses, one commits and the others replay its answer.
 */
public final class RunOnce {
    /** Keys are honoured for a day. */
    public static final Duration RETENTION = Duration.ofHours(24);

    /**
     * The answer given to a request, as the transport rendered it, and the body kept for replays: the same, except
     * where the first answer carries a secret that must never be stored (a new API token's).
     */
    public record Answer(int status, String body, String kept) {
        public Answer {
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(kept, "kept");
        }

        /** An answer kept as it is given. */
        public Answer(int status, String body) {
            this(status, body, body);
        }

        @Override
        public String toString() {
            return "Answer[status=" + status + "]";
        }
    }

    /** {@code fingerprint} identifies the request's content (e.g. a hash of its body); {@code action} answers it. */
    public record Command(IdempotencyKey key, String fingerprint, Supplier<Answer> action) {
        public Command {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(action, "action");
        }
    }

    private final IdempotencyRecords records;
    private final TransactionRunner transactions;
    private final InstantSource clock;

    public RunOnce(IdempotencyRecords records, TransactionRunner transactions, InstantSource clock) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Answer handle(Command command) {
        try {
            return transactions.inTransaction(command.key().tenant(), () -> firstRunOrReplay(command));
        } catch (LostTheRace lost) {
            // Another request with this key committed first and our work rolled back: answer as it did.
            return transactions.inTransaction(
                    command.key().tenant(),
                    () -> replay(command, previous(command.key()).orElseThrow()));
        }
    }

    private Answer firstRunOrReplay(Command command) {
        Optional<IdempotencyRecord> previous = previous(command.key());
        if (previous.isPresent()) {
            return replay(command, previous.get());
        }
        Answer answer = command.action().get();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        IdempotencyRecord record =
                new IdempotencyRecord(command.key(), command.fingerprint(), answer.status(), answer.kept(), now);
        if (!records.add(record, now.minus(RETENTION))) {
            throw new LostTheRace();
        }
        return answer;
    }

    private Optional<IdempotencyRecord> previous(IdempotencyKey key) {
        return records.find(key, clock.instant().minus(RETENTION));
    }

    private static Answer replay(Command command, IdempotencyRecord previous) {
        if (!previous.requestFingerprint().equals(command.fingerprint())) {
            throw new IdempotencyKeyReused();
        }
        return new Answer(previous.status(), previous.responseBody());
    }

    /** Thrown to roll back a first run whose key another request stored meanwhile. */
    private static final class LostTheRace extends RuntimeException {
        LostTheRace() {
            super(null, null, false, false);
        }
    }
}
