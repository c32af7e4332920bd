package org.supportdesk.adapter.http.desk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.call.GetCall;
import org.supportdesk.application.call.ListCalls;
import org.supportdesk.application.call.UpdateCall;
import org.supportdesk.domain.call.CallId;
import org.supportdesk.domain.call.CallOutcome;
import org.supportdesk.domain.call.CallStatus;
import org.supportdesk.domain.port.CallFilter;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.port.TicketFilter.AssigneeFilter;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.UserId;

/**
 * The call-back queue for staff (§10): {@code /api/v1/calls}, soonest due first, filtered by {@code status}, {@code
 * assignee} ({@code me}, {@code none} or an id) and the due window {@code due_from} (inclusive) to {@code due_to}
 * (exclusive); one call; and its PATCH.
 */
public final class CallEndpoints implements Endpoints {
    private static final Set<String> PATCHABLE = Set.of("status", "assignee_id", "scheduled_at", "outcome");

    private final UseCases.Desk useCases;
    private final Requests requests;

    public CallEndpoints(UseCases.Desk useCases, Requests requests) {
        this.useCases = useCases;
        this.requests = requests;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/calls", this::list, AccessRole.STAFF);
        routes.get("/api/v1/calls/{id}", this::get, AccessRole.STAFF);
        routes.patch("/api/v1/calls/{id}", this::patch, AccessRole.STAFF);
    }

    void list(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        CallFilter filter = new CallFilter(
                Optional.empty(),
                Requests.query(
                                ctx,
                                "status",
                                raw -> raw.equals("all")
                                        ? Set.<CallStatus>of()
                                        : Arrays.stream(raw.split(","))
                                                .map(String::strip)
                                                .map(CallStatus::parse)
                                                .collect(Collectors.toSet()))
                        .orElse(Set.of()),
                Requests.query(ctx, "assignee", raw -> assignee(raw, staff)).orElse(AssigneeFilter.ANY),
                Requests.query(ctx, "due_from", CallEndpoints::instant),
                Requests.query(ctx, "due_to", CallEndpoints::instant));
        var page = useCases.listCalls()
                .handle(new ListCalls.Command(
                        staff,
                        filter,
                        PageRequest.ofTickets(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT))));
        ctx.json(Pagination.of(page.map(CallResponse::of)));
    }

    void get(Context ctx) {
        ctx.json(
                CallResponse.of(useCases.getCall().handle(new GetCall.Command(Authenticator.staff(ctx), callId(ctx)))));
    }

    void patch(Context ctx) {
        StaffActor staff = Authenticator.staff(ctx);
        CallId call = callId(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, PATCHABLE);
        FieldReader fields = new FieldReader();
        var status = JsonFields.optional(fields, body, "status", n -> CallStatus.parse(JsonFields.text(n)));
        var scheduledAt = JsonFields.optional(fields, body, "scheduled_at", n -> instant(JsonFields.text(n)));
        var outcome = JsonFields.optional(fields, body, "outcome", n -> new CallOutcome(JsonFields.text(n)));
        var assignment = body.has("assignee_id")
                ? fields.read("assignee_id", () -> new UpdateCall.Assignment(assignee(body.get("assignee_id"))))
                : Optional.<UpdateCall.Assignment>empty();
        fields.done();
        ctx.json(CallResponse.of(useCases.updateCall()
                .handle(new UpdateCall.Command(staff, call, status, assignment, scheduledAt, outcome))));
    }

    private static CallId callId(Context ctx) {
        return new CallId(JsonFields.pathId(ctx.pathParam("id"), "Call"));
    }

    private static Instant instant(String raw) {
        return JsonFields.valid(() -> OffsetDateTime.parse(raw).toInstant());
    }

    private static AssigneeFilter assignee(String raw, StaffActor staff) {
        if (raw.equals("me")) {
            return AssigneeFilter.of(staff.id());
        }
        return raw.equals("none") ? AssigneeFilter.NONE : AssigneeFilter.of(new UserId(UUID.fromString(raw)));
    }

    private static Optional<UserId> assignee(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ValidationFailed.of("assignee_id", "must be a person id or null");
        }
        return Optional.of(new UserId(UUID.fromString(value.asText())));
    }
}
