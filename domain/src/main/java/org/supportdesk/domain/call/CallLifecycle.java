package org.supportdesk.domain.call;

import static org.supportdesk.domain.call.CallStatus.CANCELLED;
import static org.supportdesk.domain.call.CallStatus.DONE;
import static org.supportdesk.domain.call.CallStatus.REQUESTED;
import static org.supportdesk.domain.call.CallStatus.SCHEDULED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How a call-back request moves, written once: the request, the 409 body and the docs all read it. A request is
 * scheduled, made (done) or cancelled; a scheduled call is made or cancelled; done and cancelled are final. A request
 * may go straight to done because an agent who calls back at once has nothing to schedule.
 */
public final class CallLifecycle {
    private static final Map<CallStatus, Set<CallStatus>> ALLOWED = new EnumMap<>(CallStatus.class);

    static {
        allow(REQUESTED, SCHEDULED, DONE, CANCELLED);
        allow(SCHEDULED, DONE, CANCELLED); // DONE and CANCELLED have no row: final
    }

    private CallLifecycle() {}

    private static void allow(CallStatus from, CallStatus... targets) {
        ALLOWED.computeIfAbsent(from, f -> EnumSet.noneOf(CallStatus.class)).addAll(Set.of(targets));
    }

    /** Whether a call may move from {@code from} to {@code to}. */
    public static boolean allows(CallStatus from, CallStatus to) {
        return targets(from).contains(to);
    }

    /** Where a call in {@code from} may move; empty for a final status. */
    public static Set<CallStatus> targets(CallStatus from) {
        return Collections.unmodifiableSet(ALLOWED.getOrDefault(from, EnumSet.noneOf(CallStatus.class)));
    }

    /** Refuses a move the table does not allow, naming the allowed targets. */
    static void check(CallStatus from, CallStatus to) {
        if (!allows(from, to)) {
            throw new InvalidCallTransition(from, to, targets(from));
        }
    }
}
