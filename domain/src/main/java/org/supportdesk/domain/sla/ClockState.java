package org.supportdesk.domain.sla;

import java.util.Locale;

/** Where an SLA clock stands at the moment it is explained (§7). */
public enum ClockState {
    /** Counting towards a target not yet passed; the due time is known. */
    RUNNING,
    /** Not counting (resolution clock in {@code waiting_on_customer} or {@code on_hold}); no due time. */
    PAUSED,
    /** Stopped with the target not passed: used time did not reach the target before the clock's last moment. */
    MET,
    /** The used time reached the target while the clock still had time to run; final, whatever happens next. */
    BREACHED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
