package org.supportdesk.domain.probe.cycle.a;

import org.supportdesk.domain.probe.cycle.b.CycleB;

/** One half of a planted package cycle. */
public final class CycleA {
    public CycleB other() {
        return new CycleB();
    }
}
