package org.supportdesk.application.telegram;

import java.util.Objects;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.notify.TelegramBot;
import org.supportdesk.domain.port.TelegramBots;
import org.supportdesk.domain.problem.NotFound;
import org.supportdesk.domain.tenant.StaffActor;

/** An admin reads the tenant's Telegram bot: its name and webhook, never its token or secret. */
public final class ShowTelegram {
    public record Command(StaffActor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final AdminWork work;
    private final TelegramBots bots;

    public ShowTelegram(AdminWork work, TelegramBots bots) {
        this.work = work;
        this.bots = bots;
    }

    public TelegramBot handle(Command command) {
        StaffActor admin = command.actor();
        return work.asAdmin(admin, "configure Telegram", () -> bots.bot(admin.tenant())
                .orElseThrow(() -> new NotFound("Telegram is not configured")));
    }
}
