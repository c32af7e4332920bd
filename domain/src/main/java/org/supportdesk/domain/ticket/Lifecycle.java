package org.supportdesk.domain.ticket;

import static org.supportdesk.domain.ticket.TicketStatus.CLOSED;
import static org.supportdesk.domain.ticket.TicketStatus.IN_PROGRESS;
import static org.supportdesk.domain.ticket.TicketStatus.NEW;
import static org.supportdesk.domain.ticket.TicketStatus.ON_HOLD;
import static org.supportdesk.domain.ticket.TicketStatus.RESOLVED;
import static org.supportdesk.domain.ticket.TicketStatus.WAITING_ON_CUSTOMER;
import static org.supportdesk.domain.ticket.Trigger.AUTO_CLOSE;
import static org.supportdesk.domain.ticket.Trigger.CUSTOMER_CLOSE;
import static org.supportdesk.domain.ticket.Trigger.CUSTOMER_REPLY;
import static org.supportdesk.domain.ticket.Trigger.STAFF;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The §4 transition table, written once; the aggregate, error bodies and docs all read it. */
public final class Lifecycle {
    private static final Map<TicketStatus, Map<TicketStatus, Set<Trigger>>> ALLOWED = new EnumMap<>(TicketStatus.class);

    static {
        allow(NEW, EnumSet.of(STAFF), IN_PROGRESS, WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED);
        allow(IN_PROGRESS, EnumSet.of(STAFF), WAITING_ON_CUSTOMER, ON_HOLD, RESOLVED);
        allow(WAITING_ON_CUSTOMER, EnumSet.of(STAFF, CUSTOMER_REPLY), IN_PROGRESS);
        allow(WAITING_ON_CUSTOMER, EnumSet.of(STAFF), ON_HOLD, RESOLVED);
        allow(ON_HOLD, EnumSet.of(STAFF), IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED);
        allow(RESOLVED, EnumSet.of(STAFF, CUSTOMER_REPLY), IN_PROGRESS); // a customer reopen: window checked by Ticket
        for (TicketStatus open : EnumSet.of(NEW, IN_PROGRESS, WAITING_ON_CUSTOMER, ON_HOLD)) {
            allow(open, EnumSet.of(STAFF, CUSTOMER_CLOSE), CLOSED);
        }
        allow(RESOLVED, EnumSet.of(STAFF, CUSTOMER_CLOSE, AUTO_CLOSE), CLOSED); // CLOSED has no row: terminal
    }

    private Lifecycle() {}

    private static void allow(TicketStatus from, Set<Trigger> by, TicketStatus... targets) {
        Map<TicketStatus, Set<Trigger>> row = ALLOWED.computeIfAbsent(from, f -> new EnumMap<>(TicketStatus.class));
        for (TicketStatus to : targets) {
            row.computeIfAbsent(to, t -> EnumSet.noneOf(Trigger.class)).addAll(by);
        }
    }

    /** Whether {@code by} may move a ticket from {@code from} to {@code to}. */
    public static boolean allows(TicketStatus from, TicketStatus to, Trigger by) {
        return triggers(from, to).contains(by);
    }

    /** The triggers of one cell of the table; empty where the move is never allowed. */
    public static Set<Trigger> triggers(TicketStatus from, TicketStatus to) {
        return Collections.unmodifiableSet(
                ALLOWED.getOrDefault(from, Map.of()).getOrDefault(to, EnumSet.noneOf(Trigger.class)));
    }

    /** Where {@code by} may move a ticket that is in {@code from}. */
    public static Set<TicketStatus> targets(TicketStatus from, Trigger by) {
        Set<TicketStatus> targets = EnumSet.noneOf(TicketStatus.class);
        ALLOWED.getOrDefault(from, Map.of()).forEach((to, triggers) -> {
            if (triggers.contains(by)) {
                targets.add(to);
            }
        });
        return Collections.unmodifiableSet(targets);
    }

    /** Refuses a move the table does not allow, naming the allowed targets. */
    static void check(TicketStatus from, TicketStatus to, Trigger by) {
        if (!allows(from, to, by)) {
            throw new InvalidTransition(from, to, targets(from, by));
        }
    }
}
