package org.supportdesk.domain.sla;

/** Opens a cursor over a calendar's open time; the one place that knows the calendar implementations. */
final class Cursors {
    private Cursors() {}

    static OpenCursor from(BusinessCalendar calendar, long fromMicros) {
        if (calendar instanceof WeeklyHoursCalendar weekly) {
            return weekly.cursor(fromMicros);
        }
        return ((AlwaysOpen) calendar).cursor();
    }

    static NoOpeningHours noOpeningHours(BusinessCalendar calendar) {
        return new NoOpeningHours("business calendar version " + calendar.version() + " (" + calendar
                + ") has no opening hours, so no SLA target can ever be reached on it");
    }
}
