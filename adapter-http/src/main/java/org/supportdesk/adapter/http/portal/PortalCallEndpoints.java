package org.supportdesk.adapter.http.portal;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.IdempotentCreation;
import org.supportdesk.adapter.http.Pagination;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.call.ListOwnCalls;
import org.supportdesk.application.call.RequestCallBack;
import org.supportdesk.domain.call.CallNote;
import org.supportdesk.domain.call.PhoneNumber;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.tenant.CustomerActor;
import org.supportdesk.domain.ticket.TicketId;

/**
 * Call-backs for customers (§9, seed 001): {@code /api/v1/portal/calls} asks to be called now (no {@code
 * scheduled_at}) or at a time at most 30 days ahead, and lists the customer's own requests.
 */
public final class PortalCallEndpoints implements Endpoints {
    private final UseCases.Portal useCases;
    private final Requests requests;
    private final IdempotentCreation creation;

    public PortalCallEndpoints(UseCases.Portal useCases, Requests requests, IdempotentCreation creation) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/portal/calls", this::request, AccessRole.CUSTOMER);
        routes.get("/api/v1/portal/calls", this::list, AccessRole.CUSTOMER);
    }

    /** What a customer may ask with; any other field is a 400 naming it. */
    record CallRequestBody(String scheduledAt, String ticketId, String phone, String note) {}

    void request(Context ctx) {
        CustomerActor customer = Authenticator.customer(ctx);
        CallRequestBody body = requests.body(ctx, CallRequestBody.class);
        FieldReader fields = new FieldReader();
        Optional<Instant> scheduledAt = body.scheduledAt() == null
                ? Optional.empty()
                : fields.read(
                        "scheduled_at",
                        () -> JsonFields.valid(
                                () -> OffsetDateTime.parse(body.scheduledAt()).toInstant()));
        Optional<TicketId> ticket = body.ticketId() == null
                ? Optional.empty()
                : fields.read("ticket_id", () -> new TicketId(UUID.fromString(body.ticketId())));
        Optional<PhoneNumber> phone =
                body.phone() == null ? Optional.empty() : fields.read("phone", () -> new PhoneNumber(body.phone()));
        Optional<CallNote> note =
                body.note() == null ? Optional.empty() : fields.read("note", () -> new CallNote(body.note()));
        fields.done();
        creation.respond(
                ctx,
                customer,
                () -> PortalCallResponse.of(useCases.requestCallBack()
                        .handle(new RequestCallBack.Command(customer, scheduledAt, ticket, phone, note))));
    }

    void list(Context ctx) {
        var page = useCases.listOwnCalls()
                .handle(new ListOwnCalls.Command(
                        Authenticator.customer(ctx),
                        PageRequest.ofTickets(
                                Requests.intQuery(ctx, "page", 1),
                                Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT))));
        ctx.json(Pagination.of(page.map(PortalCallResponse::of)));
    }
}
