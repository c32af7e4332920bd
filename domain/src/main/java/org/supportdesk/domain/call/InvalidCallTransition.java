package org.supportdesk.domain.call;

import java.util.Set;
import java.util.stream.Collectors;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** A status change {@link CallLifecycle} refuses; carries where the call may go instead (409 INVALID_TRANSITION). */
public final class InvalidCallTransition extends DomainException {
    private final Set<CallStatus> allowedTargets;

    public InvalidCallTransition(CallStatus from, CallStatus to, Set<CallStatus> allowedTargets) {
        super(ProblemCode.INVALID_TRANSITION, describe(from, to, allowedTargets));
        this.allowedTargets = Set.copyOf(allowedTargets);
    }

    public Set<CallStatus> allowedTargets() {
        return allowedTargets;
    }

    private static String describe(CallStatus from, CallStatus to, Set<CallStatus> allowed) {
        String targets = allowed.isEmpty()
                ? "none"
                : allowed.stream().sorted().map(CallStatus::wireName).collect(Collectors.joining(", "));
        return "A call cannot move from " + from.wireName() + " to " + to.wireName() + "; allowed: " + targets;
    }
}
