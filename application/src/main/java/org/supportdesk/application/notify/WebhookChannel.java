package org.supportdesk.application.notify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.notify.Delivery;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.Webhook;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.NotificationChannel;
import org.supportdesk.domain.port.NotificationIntent;
import org.supportdesk.domain.port.NotificationIntent.Audience;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.TargetGuard;
import org.supportdesk.domain.port.TicketRepository;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.port.WebhookTransport;
import org.supportdesk.domain.port.Webhooks;
import org.supportdesk.domain.ticket.Ticket;
import org.supportdesk.domain.ticket.TicketState;

/**
 * Webhooks (seed 003) as a {@link NotificationChannel}: an intent meant for {@link Audience#WEBHOOKS} becomes one
 * delivery per subscription that hears its event type, with the Standard Webhooks body {@code {type, tenant,
 * created_at, data}} rendered then, and a {@code webhook-id} derived from the intent and the subscription, so it never
 * changes across attempts. The body carries the ticket's summary, never a message body: an internal note cannot leak
 * through it, and a receiver reads a message through the API under its own rights. Each attempt is signed afresh
 * (timestamp of the attempt) and checked against the {@link TargetGuard} before any connection.
 */
public final class WebhookChannel implements NotificationChannel {
    public static final String NAME = "webhook";

    private final Webhooks webhooks;
    private final TicketRepository tickets;
    private final TransactionRunner transactions;
    private final WebhookTransport transport;
    private final TargetGuard guard;
    private final SecretBox secrets;
    private final InstantSource clock;

    public WebhookChannel(
            Webhooks webhooks,
            TicketRepository tickets,
            TransactionRunner transactions,
            WebhookTransport transport,
            TargetGuard guard,
            SecretBox secrets,
            InstantSource clock) {
        this.webhooks = webhooks;
        this.tickets = tickets;
        this.transactions = transactions;
        this.transport = transport;
        this.guard = guard;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Delivery> deliveriesFor(NotificationIntent intent, IdGenerator newId) {
        if (!intent.audiences().contains(Audience.WEBHOOKS)) {
            return List.of();
        }
        Optional<String> type = WebhookEvents.typeOf(intent.topic());
        if (type.isEmpty()) {
            return List.of();
        }
        List<Webhook> hearing = webhooks.all(intent.tenant()).stream()
                .filter(webhook -> webhook.hears(type.get()))
                .toList();
        if (hearing.isEmpty()) {
            return List.of();
        }
        String body = body(intent, type.get());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Delivery> deliveries = new ArrayList<>();
        for (Webhook webhook : hearing) {
            UUID key = UUID.nameUUIDFromBytes(
                    ("webhook:" + intent.dedupKey() + ":" + webhook.id()).getBytes(StandardCharsets.UTF_8));
            deliveries.add(Delivery.owed(
                    newId.newId(),
                    intent.tenant(),
                    intent.id(),
                    NAME,
                    webhook.id().toString(),
                    type.get(),
                    "msg_" + key.toString().replace("-", ""),
                    body,
                    now));
        }
        return deliveries;
    }

    private String body(NotificationIntent intent, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        intent.ticket()
                .flatMap(id -> tickets.findIncludingDeleted(intent.tenant(), id))
                .map(Ticket::state)
                .ifPresent(ticket -> data.put("ticket", ticket(ticket)));
        intent.call()
                .ifPresent(call -> data.put("call", Map.of("id", call.value().toString())));
        switch (intent.topic()) {
            case CUSTOMER_REPLIED -> data.put("message", Map.of("kind", "public", "author_role", "customer"));
            case STAFF_REPLIED -> data.put("message", Map.of("kind", "public", "author_role", "staff"));
            default -> {
                // the ticket (and call) say it all
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("tenant", intent.tenant().value().toString());
        body.put("created_at", intent.at().toString());
        body.put("data", data);
        return JsonText.object(body);
    }

    private static Map<String, Object> ticket(TicketState ticket) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", ticket.id().value().toString());
        out.put("number", ticket.number().toString());
        out.put("subject", ticket.subject().value());
        out.put("status", ticket.status().wireName());
        out.put("priority", ticket.priority().wireName());
        out.put("requester_id", ticket.requester().value().toString());
        out.put("assignee_id", ticket.assignee().map(a -> a.value().toString()).orElse(null));
        out.put("updated_at", ticket.updatedAt().toString());
        return out;
    }

    @Override
    public DeliveryOutcome send(Delivery delivery) {
        Optional<Webhook> webhook;
        try {
            webhook = transactions.inTransaction(
                    delivery.tenant(), () -> webhooks.find(delivery.tenant(), UUID.fromString(delivery.recipient())));
        } catch (RuntimeException e) {
            return DeliveryOutcome.failed(
                    "the subscription could not be read: " + e.getClass().getSimpleName(), 0);
        }
        if (webhook.isEmpty()) {
            return DeliveryOutcome.gone("the webhook subscription was deleted");
        }
        Optional<String> refused = guard.refusal(webhook.get().url().value());
        if (refused.isPresent()) {
            return DeliveryOutcome.failed("target refused, no connection made: " + refused.get(), 0);
        }
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = clock.instant().getEpochSecond();
        String signature =
                WebhookSignature.sign(secrets.open(webhook.get().sealedSecret()), delivery.dedupKey(), timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.dedupKey());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signature);
        return transport.post(webhook.get().url().value(), headers, body);
    }
}
