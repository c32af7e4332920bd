package org.supportdesk.application.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.ticket.Body;
import org.supportdesk.domain.ticket.TicketNumber;

class TelegramTextTest {
    private static TelegramUpdate.Sender sender(String first, String last) {
        return new TelegramUpdate.Sender(7, false, first, Optional.ofNullable(last), Optional.empty());
    }

    @Test
    void plain_text_drops_control_characters_and_unpaired_surrogates_and_keeps_the_rest() {
        String typed = "a\u0000b\u0007c\td\ne\rf \uD83D\uDE00 g\uD800h";
        String plain = TelegramText.plain(typed);
        assertThat(plain).isEqualTo("abc\td\ne\rf \uD83D\uDE00 gh");
        assertThat(Validation.isPlainText(plain)).isTrue();
    }

    @Test
    void the_first_line_is_the_first_that_is_not_blank_with_its_spaces_collapsed() {
        assertThat(TelegramText.firstLine("\n   \n  Payment   failed \u2028twice\nmore", 80))
                .isEqualTo("Payment failed twice");
    }

    @Test
    void a_long_line_is_cut_with_an_ellipsis_and_never_inside_a_surrogate_pair() {
        String smiles = "\uD83D\uDE00".repeat(50);
        String cut = TelegramText.firstLine(smiles, 10);
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(10);
        assertThat(Validation.isPlainText(cut)).isTrue();
        assertThat(TelegramText.firstLine("x".repeat(100), 80)).hasSize(80);
    }

    @Test
    void a_name_is_the_users_names_on_one_line_or_a_made_up_one() {
        assertThat(TelegramText.name(sender("Ivan", "Petrov"), 5)).isEqualTo("Ivan Petrov");
        assertThat(TelegramText.name(sender(" Ivan\n", null), 5)).isEqualTo("Ivan");
        assertThat(TelegramText.name(sender("A\u2028B\u0000", "C"), 5)).isEqualTo("A B C");
        assertThat(TelegramText.name(sender("  ", null), 5)).isEqualTo("Telegram user 5");
        assertThat(TelegramText.name(sender("x".repeat(300), null), 5)).hasSize(200);
    }

    @Test
    void a_reply_fits_telegrams_limit_with_the_way_back_and_the_link_whole() {
        URI page = URI.create("https://desk.example/tickets/1");
        String text = TelegramMessages.staffReply(
                Optional.of("en"), new TicketNumber(2026, 42), new Body("y".repeat(5000)), page);
        assertThat(text.length()).isLessThanOrEqualTo(TelegramMessages.MAX_LENGTH);
        assertThat(text)
                .startsWith("📨 New message on ticket TKT-2026-000042\n\n")
                .endsWith("The ticket in the portal: " + page);
        assertThat(TelegramMessages.staffReply(Optional.of("ru-RU"), new TicketNumber(2026, 42), new Body("Ok"), page))
                .startsWith("📨 Новое сообщение по тикету TKT-2026-000042\n\nOk\n\nВы можете ответить");
    }
}
