package org.supportdesk.domain.sla;

/** A business calendar has no open time at all, so no business-time target can ever be reached on it. */
public final class NoOpeningHours extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NoOpeningHours(String message) {
        super(message);
    }
}
