package org.supportdesk.bootstrap;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Jepsen-style history of keyed writes (jepsen.core): every attempt of every operation with its idempotency key, when
 * it was invoked and completed, and its outcome: {@code OK} (acknowledged, 201), {@code FAIL} (definitely not applied,
 * 4xx) or {@code INFO} (indeterminate: a 5xx or no answer, retried later with the same key). The checker compares it
 * with what the database holds per key: every acknowledged write exactly once, with the id it was acknowledged with;
 * no failed write at all.
 */
final class WriteHistory {
    enum Kind {
        TICKET,
        REPLY
    }

    enum Outcome {
        OK,
        FAIL,
        INFO
    }

    /** One attempt; {@code id} is what an acknowledgement named, else empty. */
    record Attempt(Kind kind, String key, Outcome outcome, long invokedNanos, long completedNanos, String id) {}

    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();

    void record(Attempt attempt) {
        attempts.add(attempt);
    }

    long acknowledged() {
        return attempts.stream()
                .filter(attempt -> attempt.outcome() == Outcome.OK)
                .count();
    }

    /** When the first acknowledgement after {@code nanos} came, if one did. */
    OptionalLong firstAcknowledgedAfter(long nanos) {
        return attempts.stream()
                .filter(attempt -> attempt.outcome() == Outcome.OK && attempt.completedNanos() >= nanos)
                .mapToLong(Attempt::completedNanos)
                .min();
    }

    /** What the check found; the keys are listed so a failure names them. */
    record Figures(
            long ackedTickets,
            long ackedReplies,
            long indeterminate,
            List<String> lost,
            List<String> duplicated,
            List<String> changed,
            List<String> failedButPresent,
            List<String> unresolved) {
        long acked() {
            return ackedTickets + ackedReplies;
        }

        String summary() {
            return "acked " + acked() + " (" + ackedTickets + " tickets, " + ackedReplies + " replies), lost "
                    + lost.size() + ", duplicated " + duplicated.size() + ", changed " + changed.size()
                    + ", failed but present " + failedButPresent.size() + ", indeterminate " + indeterminate
                    + " (unresolved " + unresolved.size() + ")";
        }
    }

    /**
     * Checks the history against {@code stored}: the ids the database holds for each key.
     *
     * @param stored key → the ids of the rows written under it (one, if all is well)
     */
    Figures check(Map<String, List<String>> stored) {
        Map<String, List<Attempt>> byKey = attempts.stream()
                .sorted(Comparator.comparingLong(Attempt::invokedNanos))
                .collect(Collectors.groupingBy(Attempt::key, LinkedHashMap::new, Collectors.toList()));
        Map<String, Attempt> acked = new LinkedHashMap<>();
        byKey.forEach((key, tries) -> tries.stream()
                .filter(attempt -> attempt.outcome() == Outcome.OK)
                .findFirst()
                .ifPresent(ok -> acked.put(key, ok)));
        return new Figures(
                acked.values().stream().filter(ok -> ok.kind() == Kind.TICKET).count(),
                acked.values().stream().filter(ok -> ok.kind() == Kind.REPLY).count(),
                byKey.values().stream()
                        .filter(tries -> tries.stream().anyMatch(attempt -> attempt.outcome() == Outcome.INFO))
                        .count(),
                keys(acked.keySet().stream().filter(key -> rows(stored, key).isEmpty())),
                keys(stored.keySet().stream().filter(key -> rows(stored, key).size() > 1)),
                keys(acked.entrySet().stream()
                        .filter(ok -> rows(stored, ok.getKey()).size() == 1)
                        .filter(ok -> !rows(stored, ok.getKey())
                                .get(0)
                                .equals(ok.getValue().id()))
                        .map(Map.Entry::getKey)),
                keys(byKey.entrySet().stream()
                        .filter(tries -> !acked.containsKey(tries.getKey()))
                        .filter(tries ->
                                tries.getValue().stream().anyMatch(attempt -> attempt.outcome() == Outcome.FAIL))
                        .filter(tries -> !rows(stored, tries.getKey()).isEmpty())
                        .map(Map.Entry::getKey)),
                keys(byKey.entrySet().stream()
                        .filter(tries ->
                                tries.getValue().stream().allMatch(attempt -> attempt.outcome() == Outcome.INFO))
                        .map(Map.Entry::getKey)));
    }

    private static List<String> rows(Map<String, List<String>> stored, String key) {
        return stored.getOrDefault(key, List.of());
    }

    private static List<String> keys(Stream<String> keys) {
        return keys.sorted().toList();
    }
}
