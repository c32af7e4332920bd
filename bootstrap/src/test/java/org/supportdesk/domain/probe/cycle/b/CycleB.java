package org.supportdesk.domain.probe.cycle.b;

import org.supportdesk.domain.probe.cycle.a.CycleA;

/** The other half of a planted package cycle. */
public final class CycleB {
    public CycleA other() {
        return new CycleA();
    }
}
