package org.supportdesk.domain.sla;

/** The default 24/7 calendar (§17 {@code always_open}): no closures at all, so business time is elapsed time. */
public record AlwaysOpen(int version) implements BusinessCalendar {
    public AlwaysOpen {
        if (version < 1) {
            throw new IllegalArgumentException("calendar versions start at 1");
        }
    }

    @Override
    public boolean hasOpeningHours() {
        return true;
    }

    OpenCursor cursor() {
        return new OpenCursor() {
            private boolean done;

            @Override
            public boolean next(long limit) {
                if (done) {
                    return false;
                }
                done = true;
                return true;
            }

            @Override
            public long start() {
                return Long.MIN_VALUE / 4;
            }

            @Override
            public long end() {
                return Long.MAX_VALUE / 4;
            }
        };
    }
}
