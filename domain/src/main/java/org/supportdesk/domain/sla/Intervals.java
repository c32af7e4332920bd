package org.supportdesk.domain.sla;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects sorted pieces of time in epoch microseconds, joining touching ones, into {@link Interval}s. */
final class Intervals {
    private long[] bounds = new long[16];
    private int size;

    /** Adds {@code [from, to)}; pieces come in order and never overlap. Empty pieces are ignored. */
    void add(long from, long to) {
        if (to <= from) {
            return;
        }
        if (size > 0 && bounds[size - 1] == from) {
            bounds[size - 1] = to;
            return;
        }
        if (size == bounds.length) {
            bounds = Arrays.copyOf(bounds, size * 2);
        }
        bounds[size++] = from;
        bounds[size++] = to;
    }

    List<Interval> toList() {
        List<Interval> out = new ArrayList<>(size / 2);
        for (int i = 0; i < size; i += 2) {
            out.add(new Interval(Micros.instant(bounds[i]), Micros.instant(bounds[i + 1])));
        }
        return List.copyOf(out);
    }
}
