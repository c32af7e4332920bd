package org.supportdesk.domain.sla;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.ticket.Priority;

/**
 * Bounds on the SLA settings a tenant admin may choose, so that no setting makes computing a due time expensive: the
 * work of finding one grows with the business minutes of the target divided by the length of the opening intervals,
 * and it runs inside every ticket write and the breach scan, on threads and connections every tenant shares. Within
 * the bounds the longest walk is 9,600 opening intervals over 46 years of calendar time.
 */
public final class SettingBounds {
    /** 100 days round the clock, or 300 eight-hour business days. */
    public static final int MAX_TARGET_MINUTES = 144_000;

    public static final int MAX_INTERVALS_PER_DAY = 12;
    public static final int MIN_INTERVAL_MINUTES = 15;
    public static final int MIN_OPEN_MINUTES_PER_WEEK = 60;
    public static final int MAX_HOLIDAYS = 1_000;

    private SettingBounds() {}

    /** @throws ValidationFailed naming the priority whose target is beyond the bound */
    public static void check(Map<Priority, Targets> targets) {
        targets.forEach((priority, target) -> {
            if (target.firstResponseMinutes() > MAX_TARGET_MINUTES || target.resolutionMinutes() > MAX_TARGET_MINUTES) {
                throw ValidationFailed.of(
                        "targets." + priority.wireName(), "targets are at most " + MAX_TARGET_MINUTES + " minutes");
            }
        });
    }

    /** @throws ValidationFailed naming the part of the calendar beyond the bounds */
    public static void check(BusinessCalendar calendar) {
        if (!(calendar instanceof WeeklyHoursCalendar weekly)) {
            return; // always open: one interval that never ends
        }
        int openPerWeek = 0;
        for (Map.Entry<DayOfWeek, List<OpeningInterval>> day :
                weekly.hours().days().entrySet()) {
            String field = "weekly_hours." + day.getKey().name().toLowerCase(Locale.ROOT);
            if (day.getValue().size() > MAX_INTERVALS_PER_DAY) {
                throw ValidationFailed.of(field, "at most " + MAX_INTERVALS_PER_DAY + " intervals a day");
            }
            for (OpeningInterval interval : day.getValue()) {
                int minutes = interval.toMinute() - interval.fromMinute();
                if (minutes < MIN_INTERVAL_MINUTES) {
                    throw ValidationFailed.of(
                            field, "every interval is open at least " + MIN_INTERVAL_MINUTES + " minutes");
                }
                openPerWeek += minutes;
            }
        }
        if (openPerWeek < MIN_OPEN_MINUTES_PER_WEEK) {
            throw ValidationFailed.of(
                    "weekly_hours",
                    "the calendar must be open at least " + MIN_OPEN_MINUTES_PER_WEEK + " minutes a week");
        }
        if (weekly.holidays().size() > MAX_HOLIDAYS) {
            throw ValidationFailed.of("holidays", "at most " + MAX_HOLIDAYS + " holidays");
        }
    }
}
