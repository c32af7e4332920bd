package org.supportdesk.application.telegram;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.application.notify.PortalLinks;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.notify.BotAnswer;
import org.supportdesk.domain.notify.BotToken;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.SecretSource;
import org.supportdesk.domain.port.TelegramBotApi;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * An admin connects the tenant's Telegram bot (seed 002): the token is checked with {@code getMe}, Telegram is told to
 * send the bot's messages to this server ({@code setWebhook} with a new secret), and only then is the bot stored, its
 * token sealed. A token Telegram refuses is a 400 on {@code bot_token}; no answer from Telegram is a 502; either way
 * nothing is stored. Telegram is called outside any transaction, so a slow Telegram holds no database connection.
 */
public final class ConfigureTelegram {
    /** Only new messages: edits, channel posts and the rest would only be ignored. */
    public static final List<String> ALLOWED_UPDATES = List.of("message");

    public record Command(StaffActor actor, String botToken) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final AdminWork work;
    private final TelegramBots bots;
    private final TelegramBotApi api;
    private final SecretSource random;
    private final SecretBox secrets;
    private final PortalLinks links;

    public ConfigureTelegram(
            AdminWork work,
            TelegramBots bots,
            TelegramBotApi api,
            SecretSource random,
            SecretBox secrets,
            PortalLinks links) {
        this.work = work;
        this.bots = bots;
        this.api = api;
        this.random = random;
        this.secrets = secrets;
        this.links = links;
    }

    /** The inbound route of {@code tenant}'s bot under the server's public URL (the portal's base). */
    private static URI webhookUrl(PortalLinks links, TenantId tenant) {
        return URI.create(links.base() + "/api/v1/inbound/telegram/" + tenant.value());
    }

    public TelegramBot handle(Command command) {
        StaffActor admin = command.actor();
        if (!admin.isAdmin()) {
            throw new Forbidden("only admins configure Telegram");
        }
        BotToken token = new BotToken(command.botToken());
        String username = username(api.getMe(token));
        String secret = WebhookSecrets.newSecret(random);
        URI webhook = webhookUrl(links, admin.tenant());
        BotAnswer registered = api.setWebhook(token, webhook, secret, ALLOWED_UPDATES);
        if (registered instanceof BotAnswer.Refused refused) {
            throw new TelegramUnreachable("Telegram refused the webhook " + webhook + " (" + refused.status() + " "
                    + refused.description() + "); SUPPORTDESK_PUBLIC_URL must be an https URL Telegram can reach");
        }
        if (registered instanceof BotAnswer.Unreachable unreachable) {
            throw unreachable(unreachable);
        }
        return work.asAdmin(admin, "configure Telegram", () -> {
            Optional<TelegramBot> before = bots.bot(admin.tenant());
            TelegramBot bot = new TelegramBot(
                    admin.tenant(),
                    username,
                    secrets.seal(token.value()),
                    WebhookSecrets.digest(secret),
                    webhook,
                    work.now());
            bots.saveBot(bot);
            work.record(
                    admin,
                    JournalAction.TELEGRAM_CONFIGURED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    List.of(
                            FieldChange.of(
                                    "bot_username",
                                    before.map(TelegramBot::username).orElse(null),
                                    username),
                            FieldChange.of("webhook_url", null, webhook.toString())));
            return bot;
        });
    }

    private static String username(BotAnswer me) {
        if (me instanceof BotAnswer.Refused refused) {
            throw ValidationFailed.of("bot_token", "Telegram refused this token: " + refused.description());
        }
        if (me instanceof BotAnswer.Unreachable unreachable) {
            throw unreachable(unreachable);
        }
        return ((BotAnswer.Accepted) me)
                .username()
                .orElseThrow(() -> new TelegramUnreachable("Telegram's getMe answer named no bot"));
    }

    private static TelegramUnreachable unreachable(BotAnswer.Unreachable answer) {
        return new TelegramUnreachable(
                "Telegram could not be reached (" + answer.reason() + "); nothing was stored, try again later");
    }
}
