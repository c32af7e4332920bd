package org.supportdesk.application.telegram;

import java.util.List;
import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.notify.BotToken;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.TelegramBotApi;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/**
 * An admin disconnects the tenant's bot. It is forgotten first (updates are refused from then on, and replies still
 * owed are parked); then, after the commit and on a best-effort basis, Telegram is asked to stop sending updates. The
 * chats and their tickets stay.
 */
public final class RemoveTelegram {
    public record Command(StaffActor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final AdminWork work;
    private final TelegramBots bots;
    private final TelegramBotApi api;
    private final SecretBox secrets;

    public RemoveTelegram(AdminWork work, TelegramBots bots, TelegramBotApi api, SecretBox secrets) {
        this.work = work;
        this.bots = bots;
        this.api = api;
        this.secrets = secrets;
    }

    public void handle(Command command) {
        StaffActor admin = command.actor();
        TelegramBot removed = work.asAdmin(admin, "configure Telegram", () -> {
            TelegramBot bot = bots.bot(admin.tenant()).orElseThrow(() -> new NotFound("Telegram is not configured"));
            bots.removeBot(admin.tenant());
            work.record(
                    admin,
                    JournalAction.TELEGRAM_REMOVED,
                    TargetKind.TENANT,
                    admin.tenant().value(),
                    List.of(FieldChange.of("bot_username", bot.username(), null)));
            return bot;
        });
        // Best effort: the bot is already forgotten, so an update Telegram still sends is refused (401) anyway.
        api.deleteWebhook(new BotToken(secrets.open(removed.sealedToken())));
    }
}
