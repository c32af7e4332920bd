package org.supportdesk.adapter.http.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.supportdesk.application.webhook.CreateWebhook;
import org.supportdesk.application.webhook.DeleteWebhook;
import org.supportdesk.application.webhook.ListDeliveries;
import org.supportdesk.application.webhook.RetryDelivery;
import org.supportdesk.application.webhook.ShowWebhooks;
import org.supportdesk.application.webhook.UpdateWebhook;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryState;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.port.PageRequest;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * Webhook subscriptions and the outbox (§13, seed 003), admins only: {@code /api/v1/webhooks} (the secret is in the
 * creation answer and nowhere else, ever), a subscription's delivery log, {@code /api/v1/outbox} by state and the retry
 * of one delivery.
 */
public final class WebhookEndpoints implements Endpoints {
    private static final Set<String> FIELDS = Set.of("url", "events", "description");

    private final UseCases.Channels useCases;
    private final Requests requests;
    private final IdempotentCreation creation;

    public WebhookEndpoints(UseCases.Channels useCases, Requests requests, IdempotentCreation creation) {
        this.useCases = useCases;
        this.requests = requests;
        this.creation = creation;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/webhooks", this::create, AccessRole.ADMIN);
        routes.get("/api/v1/webhooks", this::list, AccessRole.ADMIN);
        routes.get("/api/v1/webhooks/{id}", this::get, AccessRole.ADMIN);
        routes.patch("/api/v1/webhooks/{id}", this::update, AccessRole.ADMIN);
        routes.delete("/api/v1/webhooks/{id}", this::delete, AccessRole.ADMIN);
        routes.get("/api/v1/webhooks/{id}/deliveries", this::deliveries, AccessRole.ADMIN);
        routes.get("/api/v1/outbox", this::outbox, AccessRole.ADMIN);
        routes.post("/api/v1/outbox/{id}/retry", this::retry, AccessRole.ADMIN);
    }

    /** A subscription as shown: everything but the secret. */
    record WebhookResponse(
            UUID id, String url, List<String> events, String description, Instant createdAt, Instant updatedAt) {
        static WebhookResponse of(Webhook w) {
            return new WebhookResponse(
                    w.id(),
                    w.url().toString(),
                    w.events().stream().sorted().toList(),
                    w.description(),
                    w.createdAt(),
                    w.updatedAt());
        }
    }

    /** A new subscription with its secret, shown this once; a replay of its Idempotency-Key answers without it. */
    record CreatedResponse(
            UUID id,
            String url,
            List<String> events,
            String description,
            String secret,
            Instant createdAt,
            Instant updatedAt) {
        CreatedResponse withoutSecret() {
            return new CreatedResponse(id, url, events, description, null, createdAt, updatedAt);
        }
    }

    /** One delivery of the outbox, with its last attempt's figures. */
    record DeliveryResponse(
            UUID id,
            String channel,
            String recipient,
            String eventType,
            String dedupKey,
            String state,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            Instant sentAt,
            Integer lastStatusCode,
            Long lastDurationMs,
            String lastError) {
        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(
                    d.id(),
                    d.channel(),
                    d.recipient(),
                    d.eventType(),
                    d.dedupKey(),
                    d.state().wireName(),
                    d.attempts(),
                    d.createdAt(),
                    d.state().isOpen() ? d.nextAttemptAt() : null,
                    d.sentAt().orElse(null),
                    d.lastStatus().orElse(null),
                    d.lastDurationMillis().orElse(null),
                    d.lastError().orElse(null));
        }
    }

    void create(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        String url = fields.required("url", JsonFields.optional(fields, body, "url", JsonFields::text));
        List<String> events = fields.required("events", JsonFields.optional(fields, body, "events", n -> events(n)));
        Optional<String> description = JsonFields.optional(fields, body, "description", JsonFields::text);
        fields.done();
        creation.respond(
                ctx,
                admin,
                () -> {
                    CreateWebhook.Created created = useCases.createWebhook()
                            .handle(new CreateWebhook.Command(admin, url, events, description.orElse("")));
                    WebhookResponse shown = WebhookResponse.of(created.webhook());
                    return new CreatedResponse(
                            shown.id(),
                            shown.url(),
                            shown.events(),
                            shown.description(),
                            created.secret(),
                            shown.createdAt(),
                            shown.updatedAt());
                },
                CreatedResponse::withoutSecret);
    }

    void list(Context ctx) {
        var page = useCases.showWebhooks()
                .handle(new ShowWebhooks.Command(Authenticator.staff(ctx), Optional.empty(), page(ctx)));
        ctx.json(Pagination.of(page.map(WebhookResponse::of)));
    }

    void get(Context ctx) {
        var one = useCases.showWebhooks()
                .handle(new ShowWebhooks.Command(
                        Authenticator.staff(ctx), Optional.of(webhookId(ctx)), PageRequest.ofTickets(1, 1)));
        ctx.json(WebhookResponse.of(one.items().get(0)));
    }

    void update(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        UUID id = webhookId(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        Optional<String> url = JsonFields.optional(fields, body, "url", JsonFields::text);
        Optional<List<String>> events = JsonFields.optional(fields, body, "events", n -> events(n));
        Optional<String> description = JsonFields.optional(fields, body, "description", JsonFields::text);
        fields.done();
        ctx.json(WebhookResponse.of(
                useCases.updateWebhook().handle(new UpdateWebhook.Command(admin, id, url, events, description))));
    }

    void delete(Context ctx) {
        useCases.deleteWebhook().handle(new DeleteWebhook.Command(Authenticator.staff(ctx), webhookId(ctx)));
        ctx.status(204);
    }

    void deliveries(Context ctx) {
        var page = useCases.listDeliveries()
                .handle(new ListDeliveries.Command(
                        Authenticator.staff(ctx), state(ctx), Optional.of(webhookId(ctx)), page(ctx)));
        ctx.json(Pagination.of(page.map(DeliveryResponse::of)));
    }

    void outbox(Context ctx) {
        var page = useCases.listDeliveries()
                .handle(new ListDeliveries.Command(Authenticator.staff(ctx), state(ctx), Optional.empty(), page(ctx)));
        ctx.json(Pagination.of(page.map(DeliveryResponse::of)));
    }

    void retry(Context ctx) {
        UUID id = JsonFields.pathId(ctx.pathParam("id"), "Delivery");
        ctx.json(DeliveryResponse.of(
                useCases.retryDelivery().handle(new RetryDelivery.Command(Authenticator.staff(ctx), id))));
    }

    private static List<String> events(JsonNode value) {
        if (!value.isArray()) {
            throw ValidationFailed.of("events", "must be a list of event types");
        }
        List<String> events = new ArrayList<>();
        value.forEach(item -> {
            if (!item.isTextual()) {
                throw ValidationFailed.of("events", "must be a list of event types");
            }
            events.add(item.asText());
        });
        return events;
    }

    private static Optional<DeliveryState> state(Context ctx) {
        return Requests.query(ctx, "state", raw -> DeliveryState.parse(raw)
                .orElseThrow(() -> ValidationFailed.of("state", "must be pending, failed, sent or parked")));
    }

    private static PageRequest page(Context ctx) {
        return PageRequest.ofTickets(
                Requests.intQuery(ctx, "page", 1), Requests.intQuery(ctx, "limit", PageRequest.DEFAULT_TICKET_LIMIT));
    }

    private static UUID webhookId(Context ctx) {
        return JsonFields.pathId(ctx.pathParam("id"), "Webhook");
    }
}
