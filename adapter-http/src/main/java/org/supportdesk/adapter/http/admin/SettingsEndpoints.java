package org.supportdesk.adapter.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.admin.ChangeSettings;
import org.supportdesk.application.admin.ReplaceCategories;
import org.supportdesk.application.admin.ShowConfiguration;
import org.supportdesk.application.sla.ChangeBusinessHours;
import org.supportdesk.application.sla.ChangeSlaPolicy;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.sla.AlwaysOpen;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.OpeningInterval;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.Targets;
import org.supportdesk.domain.sla.WeeklyHours;
import org.supportdesk.domain.sla.WeeklyHoursCalendar;
import org.supportdesk.domain.tenant.Category;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantSettings;
import org.supportdesk.domain.ticket.Priority;

/**
 * Tenant configuration (§10, §17 "Settings"): {@code /settings}, {@code /categories} (staff read them to file),
 * {@code /sla-policy} and {@code /business-hours}; each PUT of the last two makes a new version, and each GET echoes
 * the shape a PUT takes plus {@code version}.
 */
public final class SettingsEndpoints implements Endpoints {
    private final UseCases.Admin useCases;
    private final Requests requests;

    public SettingsEndpoints(UseCases.Admin useCases, Requests requests) {
        this.useCases = useCases;
        this.requests = requests;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/settings", this::settings, AccessRole.ADMIN);
        routes.put("/api/v1/settings", this::changeSettings, AccessRole.ADMIN);
        routes.get("/api/v1/categories", this::categories, AccessRole.STAFF);
        routes.put("/api/v1/categories", this::replaceCategories, AccessRole.ADMIN);
        routes.get("/api/v1/sla-policy", this::slaPolicy, AccessRole.ADMIN);
        routes.put("/api/v1/sla-policy", this::changeSlaPolicy, AccessRole.ADMIN);
        routes.get("/api/v1/business-hours", this::businessHours, AccessRole.ADMIN);
        routes.put("/api/v1/business-hours", this::changeBusinessHours, AccessRole.ADMIN);
    }

    /**
     * The settings; the attachment limits (§6, in bytes) and the retention rule (§16, null: never) may be left out of a
     * PUT to keep them as they are. The rule is a tree so that left out (Java null) and null (a JSON null) differ.
     */
    record SettingsBody(
            Integer reopenWindowDays,
            Integer autoCloseDays,
            Long maxAttachmentBytes,
            Integer maxAttachmentsPerMessage,
            Long maxAttachmentBytesPerTicket,
            JsonNode eraseClosedAfterDays) {
        static SettingsBody of(TenantSettings settings) {
            return new SettingsBody(
                    (int) settings.reopenWindow().toDays(),
                    (int) settings.autoCloseDelay().toDays(),
                    settings.attachmentLimits().maxFileBytes(),
                    settings.attachmentLimits().maxFilesPerMessage(),
                    settings.attachmentLimits().maxTicketBytes(),
                    settings.eraseClosedAfter()
                            .<JsonNode>map(after -> IntNode.valueOf((int) after.toDays()))
                            .orElse(NullNode.getInstance()));
        }
    }

    record CategoriesBody(List<String> categories) {
        static CategoriesBody of(TenantSettings settings) {
            return new CategoriesBody(
                    settings.categories().stream().map(Category::value).sorted().collect(Collectors.toList()));
        }
    }

    void settings(Context ctx) {
        ctx.json(SettingsBody.of(configuration(ctx).settings()));
    }

    void changeSettings(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        SettingsBody body = requests.body(ctx, SettingsBody.class);
        FieldReader fields = new FieldReader();
        fields.required("reopen_window_days", Optional.ofNullable(body.reopenWindowDays()));
        fields.required("auto_close_days", Optional.ofNullable(body.autoCloseDays()));
        Optional<ChangeSettings.Retention> retention = Optional.ofNullable(body.eraseClosedAfterDays())
                .flatMap(days -> fields.read(ChangeSettings.ERASE_CLOSED_AFTER, () -> retention(days)));
        fields.done();
        ChangeSettings.Limits limits = new ChangeSettings.Limits(
                Optional.ofNullable(body.maxAttachmentBytes()),
                Optional.ofNullable(body.maxAttachmentsPerMessage()),
                Optional.ofNullable(body.maxAttachmentBytesPerTicket()));
        ctx.json(SettingsBody.of(useCases.changeSettings()
                .handle(new ChangeSettings.Command(
                        admin, body.reopenWindowDays(), body.autoCloseDays(), limits, retention))));
    }

    private static ChangeSettings.Retention retention(JsonNode days) {
        if (days.isNull()) {
            return new ChangeSettings.Retention(Optional.empty());
        }
        if (!days.isInt()) {
            throw ValidationFailed.of(ChangeSettings.ERASE_CLOSED_AFTER, "must be a whole number of days, or null");
        }
        return new ChangeSettings.Retention(Optional.of(days.intValue()));
    }

    void categories(Context ctx) {
        ctx.json(CategoriesBody.of(configuration(ctx).settings()));
    }

    void replaceCategories(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        CategoriesBody body = requests.body(ctx, CategoriesBody.class);
        FieldReader fields = new FieldReader();
        Set<Category> categories = fields.required("categories", fields.read("categories", () -> {
            if (body.categories() == null) {
                return null;
            }
            Set<Category> set = new LinkedHashSet<>();
            for (String slug : body.categories()) {
                set.add(new Category(slug == null ? null : slug.strip().toLowerCase(Locale.ROOT)));
            }
            return set;
        }));
        fields.done();
        ctx.json(CategoriesBody.of(
                useCases.replaceCategories().handle(new ReplaceCategories.Command(admin, categories))));
    }

    record TargetsBody(Integer firstResponseMinutes, Integer resolutionMinutes) {}

    record PolicyBody(Map<String, TargetsBody> targets, int version) {
        static PolicyBody of(SlaPolicy policy) {
            Map<String, TargetsBody> targets = new LinkedHashMap<>();
            for (Priority priority : List.of(Priority.URGENT, Priority.HIGH, Priority.MEDIUM, Priority.LOW)) {
                Targets t = policy.targets(priority);
                targets.put(priority.wireName(), new TargetsBody(t.firstResponseMinutes(), t.resolutionMinutes()));
            }
            return new PolicyBody(targets, policy.version());
        }
    }

    record PolicyRequest(Map<String, TargetsBody> targets) {}

    void slaPolicy(Context ctx) {
        ctx.json(PolicyBody.of(configuration(ctx).policy()));
    }

    void changeSlaPolicy(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        PolicyRequest body = requests.body(ctx, PolicyRequest.class);
        FieldReader fields = new FieldReader();
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        if (body.targets() == null) {
            fields.required("targets", Optional.empty());
        } else {
            body.targets()
                    .forEach((key, value) -> fields.read("targets." + key, () -> {
                        Priority priority = Priority.parse(key);
                        if (value == null
                                || value.firstResponseMinutes() == null
                                || value.resolutionMinutes() == null) {
                            throw ValidationFailed.of(key, "needs first_response_minutes and resolution_minutes");
                        }
                        return targets.put(
                                priority, new Targets(value.firstResponseMinutes(), value.resolutionMinutes()));
                    }));
            for (Priority priority : Priority.values()) {
                if (!targets.containsKey(priority)) {
                    fields.required("targets." + priority.wireName(), Optional.empty());
                }
            }
        }
        fields.done();
        ctx.json(PolicyBody.of(useCases.changeSlaPolicy().handle(new ChangeSlaPolicy.Command(admin, targets))));
    }

    record IntervalBody(String from, String to) {}

    record HoursBody(
            String timeZone,
            Boolean alwaysOpen,
            Map<String, List<IntervalBody>> weeklyHours,
            List<String> holidays,
            Integer version) {
        static HoursBody of(BusinessCalendar calendar) {
            if (calendar instanceof WeeklyHoursCalendar weekly) {
                Map<String, List<IntervalBody>> days = new LinkedHashMap<>();
                for (DayOfWeek day : DayOfWeek.values()) {
                    List<OpeningInterval> open = weekly.hours().on(day);
                    if (!open.isEmpty()) {
                        days.put(
                                day.name().toLowerCase(Locale.ROOT),
                                open.stream()
                                        .map(i -> new IntervalBody(hhmm(i.fromMinute()), hhmm(i.toMinute())))
                                        .collect(Collectors.toList()));
                    }
                }
                return new HoursBody(
                        weekly.zone().getId(),
                        false,
                        days,
                        weekly.holidays().stream().map(LocalDate::toString).collect(Collectors.toList()),
                        weekly.version());
            }
            return new HoursBody(null, true, Map.of(), List.of(), calendar.version());
        }

        private static String hhmm(int minutes) {
            return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
        }
    }

    record HoursRequest(
            String timeZone, Boolean alwaysOpen, Map<String, List<IntervalBody>> weeklyHours, List<String> holidays) {}

    void businessHours(Context ctx) {
        ctx.json(HoursBody.of(configuration(ctx).calendar()));
    }

    void changeBusinessHours(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        HoursRequest body = requests.body(ctx, HoursRequest.class);
        IntFunction<BusinessCalendar> calendar = calendar(body);
        ctx.json(HoursBody.of(useCases.changeBusinessHours().handle(new ChangeBusinessHours.Command(admin, calendar))));
    }

    private static IntFunction<BusinessCalendar> calendar(HoursRequest body) {
        FieldReader fields = new FieldReader();
        boolean alwaysOpen = Boolean.TRUE.equals(body.alwaysOpen());
        if (alwaysOpen) {
            if (body.timeZone() != null
                    || (body.weeklyHours() != null && !body.weeklyHours().isEmpty())
                    || (body.holidays() != null && !body.holidays().isEmpty())) {
                fields.read("always_open", () -> {
                    throw ValidationFailed.of(
                            "always_open", "an always-open calendar takes no time_zone, weekly_hours or holidays");
                });
            }
            fields.done();
            return AlwaysOpen::new;
        }
        ZoneId zone = fields.required("time_zone", fields.read("time_zone", () -> zone(body.timeZone())));
        Map<DayOfWeek, List<OpeningInterval>> days = new EnumMap<>(DayOfWeek.class);
        if (body.weeklyHours() == null) {
            fields.required("weekly_hours", Optional.empty());
        } else {
            body.weeklyHours()
                    .forEach((day, intervals) -> fields.read("weekly_hours." + day, () -> {
                        DayOfWeek parsed = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
                        List<OpeningInterval> open = new ArrayList<>();
                        for (IntervalBody interval : intervals == null ? List.<IntervalBody>of() : intervals) {
                            if (interval == null || interval.from() == null || interval.to() == null) {
                                throw ValidationFailed.of(day, "every interval has from and to, like 09:00");
                            }
                            open.add(JsonFields.valid(() -> OpeningInterval.parse(interval.from(), interval.to())));
                        }
                        return days.put(parsed, open);
                    }));
        }
        Set<LocalDate> holidays = new TreeSet<>();
        if (body.holidays() != null) {
            for (String day : body.holidays()) {
                fields.read("holidays", () -> holidays.add(JsonFields.valid(() -> LocalDate.parse(day))));
            }
        }
        WeeklyHours hours =
                fields.read("weekly_hours", () -> WeeklyHours.of(days)).orElse(null);
        fields.done();
        return version -> new WeeklyHoursCalendar(version, zone, hours, holidays);
    }

    private static ZoneId zone(String raw) {
        if (raw == null) {
            return null;
        }
        return JsonFields.valid(() -> ZoneId.of(raw));
    }

    private ShowConfiguration.Configuration configuration(Context ctx) {
        return useCases.showConfiguration().handle(new ShowConfiguration.Command(Authenticator.actor(ctx)));
    }
}
