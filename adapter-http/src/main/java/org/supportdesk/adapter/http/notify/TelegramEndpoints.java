package org.supportdesk.adapter.http.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.HttpProblem;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.telegram.ConfigureTelegram;
import org.supportdesk.application.telegram.ReceiveTelegramUpdate;
import org.supportdesk.application.telegram.RemoveTelegram;
import org.supportdesk.application.telegram.ShowTelegram;
import org.supportdesk.application.telegram.TelegramUpdate;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Telegram (seed 002): the tenant's bot for admins ({@code /api/v1/channels/telegram}; the token is taken, never
 * shown), and the route Telegram POSTs the bot's updates to ({@code /api/v1/inbound/telegram/{tenant}}, the tenant's
 * id). That route carries no bearer token: Telegram proves itself with the secret registered with the webhook, in
 * {@value #SECRET_HEADER}, checked before the body is read; a wrong or missing secret, an unknown tenant and a tenant
 * without a bot all answer the same 401.
 */
public final class TelegramEndpoints implements Endpoints {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Set<String> FIELDS = Set.of("bot_token");

    private final UseCases.Channels useCases;
    private final Requests requests;

    public TelegramEndpoints(UseCases.Channels useCases, Requests requests) {
        this.useCases = useCases;
        this.requests = requests;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/api/v1/channels/telegram", this::configure, AccessRole.ADMIN);
        routes.get("/api/v1/channels/telegram", this::show, AccessRole.ADMIN);
        routes.delete("/api/v1/channels/telegram", this::remove, AccessRole.ADMIN);
        routes.post("/api/v1/inbound/telegram/{tenant}", this::receive, AccessRole.ANYONE);
    }

    /** The tenant's bot as shown: never its token or secret. */
    record TelegramSettingsResponse(String botUsername, String webhookUrl, Instant configuredAt) {
        static TelegramSettingsResponse of(TelegramBot bot) {
            return new TelegramSettingsResponse(bot.username(), bot.webhookUrl().toString(), bot.configuredAt());
        }
    }

    /** What came of an update: {@code filed}, {@code replied}, {@code duplicate} or {@code ignored}. */
    record TelegramUpdateResponse(String outcome) {}

    void configure(Context ctx) {
        var admin = Authenticator.staff(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        String token = fields.required("bot_token", JsonFields.optional(fields, body, "bot_token", JsonFields::text));
        fields.done();
        ctx.json(TelegramSettingsResponse.of(
                useCases.configureTelegram().handle(new ConfigureTelegram.Command(admin, token))));
    }

    void show(Context ctx) {
        ctx.json(TelegramSettingsResponse.of(
                useCases.showTelegram().handle(new ShowTelegram.Command(Authenticator.staff(ctx)))));
    }

    void remove(Context ctx) {
        useCases.removeTelegram().handle(new RemoveTelegram.Command(Authenticator.staff(ctx)));
        ctx.status(204);
    }

    void receive(Context ctx) {
        String secret = Optional.ofNullable(ctx.header(SECRET_HEADER)).orElse("");
        Optional<TenantId> tenant = tenant(ctx.pathParam("tenant"));
        if (tenant.isEmpty() || !useCases.receiveTelegramUpdate().accepts(tenant.get(), secret)) {
            throw refused();
        }
        TelegramUpdate update = update(requests.relayedBody(ctx));
        ReceiveTelegramUpdate.Outcome outcome = useCases.receiveTelegramUpdate()
                .handle(new ReceiveTelegramUpdate.Command(tenant.get(), secret, update));
        if (outcome == ReceiveTelegramUpdate.Outcome.REFUSED) {
            throw refused(); // the bot was removed or configured anew since the check above
        }
        ctx.json(new TelegramUpdateResponse(outcome.name().toLowerCase(Locale.ROOT)));
    }

    private static HttpProblem refused() {
        return new HttpProblem(ApiCode.UNAUTHORIZED, "A valid " + SECRET_HEADER + " header is required");
    }

    private static Optional<TenantId> tenant(String raw) {
        try {
            return Optional.of(new TenantId(UUID.fromString(raw)));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /**
     * The parts of a Bot API {@code Update} Supportdesk reads: {@code update_id}, and of a new {@code message} its
     * id, chat, sender and text (or caption). Other fields, and other kinds of update, are left unread.
     */
    private static TelegramUpdate update(JsonNode body) {
        JsonNode id = body.path("update_id");
        if (!id.canConvertToLong() || !id.isIntegralNumber()) {
            throw ValidationFailed.of("update_id", "must be an integer");
        }
        JsonNode message = body.path("message");
        JsonNode chat = message.path("chat");
        JsonNode from = message.path("from");
        if (!message.path("message_id").isIntegralNumber()
                || !chat.path("id").isIntegralNumber()
                || !from.path("id").isIntegralNumber()) {
            return new TelegramUpdate(id.asLong(), Optional.empty());
        }
        return new TelegramUpdate(
                id.asLong(),
                Optional.of(new TelegramUpdate.IncomingMessage(
                        message.path("message_id").asLong(),
                        chat.path("id").asLong(),
                        chat.path("type").asText(""),
                        new TelegramUpdate.Sender(
                                from.path("id").asLong(),
                                from.path("is_bot").asBoolean(false),
                                from.path("first_name").asText(""),
                                text(from.path("last_name")),
                                text(from.path("language_code"))),
                        text(message.path("text")).or(() -> text(message.path("caption"))))));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
