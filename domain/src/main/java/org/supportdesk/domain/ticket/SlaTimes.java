package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket's SLA timestamps (§3): when the clocks are due and were breached (a cache of the SLA calculation), when
 * support first answered and when the ticket was resolved and closed (facts of the lifecycle), and the policy and
 * calendar versions the ticket is measured under.
 */
public record SlaTimes(
        int policyVersion,
        int calendarVersion,
        Optional<Instant> firstResponseDueAt,
        Optional<Instant> resolutionDueAt,
        Optional<Instant> firstResponseBreachedAt,
        Optional<Instant> resolutionBreachedAt,
        Optional<Instant> firstRespondedAt,
        Optional<Instant> resolvedAt,
        Optional<Instant> closedAt) {

    public SlaTimes {
        if (policyVersion < 1 || calendarVersion < 1) {
            throw new IllegalArgumentException("policy and calendar versions start at 1");
        }
        Objects.requireNonNull(firstResponseDueAt, "firstResponseDueAt");
        Objects.requireNonNull(resolutionDueAt, "resolutionDueAt");
        Objects.requireNonNull(firstResponseBreachedAt, "firstResponseBreachedAt");
        Objects.requireNonNull(resolutionBreachedAt, "resolutionBreachedAt");
        Objects.requireNonNull(firstRespondedAt, "firstRespondedAt");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(closedAt, "closedAt");
    }

    /** A new ticket's times: measured under the given versions, nothing due, met or breached yet. */
    public static SlaTimes measuredUnder(int policyVersion, int calendarVersion) {
        return new SlaTimes(
                policyVersion,
                calendarVersion,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    public boolean breached() {
        return firstResponseBreachedAt.isPresent() || resolutionBreachedAt.isPresent();
    }

    /** The target's breach instant, if it was recorded. */
    public Optional<Instant> breachedAt(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseBreachedAt : resolutionBreachedAt;
    }

    SlaTimes withDueTimes(Optional<Instant> firstResponse, Optional<Instant> resolution) {
        return new SlaTimes(
                policyVersion,
                calendarVersion,
                firstResponse,
                resolution,
                firstResponseBreachedAt,
                resolutionBreachedAt,
                firstRespondedAt,
                resolvedAt,
                closedAt);
    }

    SlaTimes withBreach(SlaTarget target, Instant at) {
        return target == SlaTarget.FIRST_RESPONSE
                ? new SlaTimes(
                        policyVersion,
                        calendarVersion,
                        firstResponseDueAt,
                        resolutionDueAt,
                        Optional.of(at),
                        resolutionBreachedAt,
                        firstRespondedAt,
                        resolvedAt,
                        closedAt)
                : new SlaTimes(
                        policyVersion,
                        calendarVersion,
                        firstResponseDueAt,
                        resolutionDueAt,
                        firstResponseBreachedAt,
                        Optional.of(at),
                        firstRespondedAt,
                        resolvedAt,
                        closedAt);
    }

    SlaTimes withFirstRespondedAt(Instant at) {
        return new SlaTimes(
                policyVersion,
                calendarVersion,
                firstResponseDueAt,
                resolutionDueAt,
                firstResponseBreachedAt,
                resolutionBreachedAt,
                Optional.of(at),
                resolvedAt,
                closedAt);
    }

    SlaTimes withResolvedAt(Optional<Instant> at) {
        return new SlaTimes(
                policyVersion,
                calendarVersion,
                firstResponseDueAt,
                resolutionDueAt,
                firstResponseBreachedAt,
                resolutionBreachedAt,
                firstRespondedAt,
                at,
                closedAt);
    }

    SlaTimes withClosedAt(Optional<Instant> at) {
        return new SlaTimes(
                policyVersion,
                calendarVersion,
                firstResponseDueAt,
                resolutionDueAt,
                firstResponseBreachedAt,
                resolutionBreachedAt,
                firstRespondedAt,
                resolvedAt,
                at);
    }
}
