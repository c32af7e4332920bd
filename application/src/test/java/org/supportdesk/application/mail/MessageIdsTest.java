package org.supportdesk.application.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.ticket.TicketId;

class MessageIdsTest {
    private final MessageIds ids = new MessageIds("Mail.Example.com");
    private final TicketId ticket = new TicketId(UUID.randomUUID());

    @Test
    void ourIdsNameTheirTicket() {
        assertThat(ids.root(ticket)).isEqualTo("<ticket." + ticket + "@mail.example.com>");
        assertThat(ids.of(ticket, "3f0c-9a")).isEqualTo("<" + ticket + ".3f0c-9a@mail.example.com>");
        assertThat(ids.ticketIn(ids.root(ticket))).contains(ticket);
        assertThat(ids.ticketIn(ids.of(ticket, "k1"))).contains(ticket);
        TicketId other = new TicketId(UUID.randomUUID());
        assertThat(ids.ticketsIn("<x@elsewhere.org> " + ids.of(other, "k") + "\r\n " + ids.root(ticket)))
                .containsExactly(other, ticket);
    }

    @Test
    void idsOfOtherDomainsOrShapesNameNothing() {
        assertThat(ids.ticketIn("<ticket." + ticket + "@attacker.example>")).isEmpty();
        assertThat(ids.ticketIn("<ticket." + ticket + "@mail.example.com.attacker.example>"))
                .isEmpty();
        assertThat(ids.ticketIn("ticket." + ticket + "@mail.example.com")).isEmpty();
        assertThat(ids.ticketIn("<" + ticket.toString().substring(1) + "@mail.example.com>"))
                .isEmpty();
        assertThat(ids.ticketIn("")).isEmpty();
    }

    @Test
    void aStandaloneIdNamesNoTicket() {
        String key = UUID.randomUUID().toString();

        assertThat(ids.standalone(key)).isEqualTo("<notice." + key + "@mail.example.com>");
        assertThat(ids.ticketIn(ids.standalone(key))).isEmpty();
        assertThatThrownBy(() -> ids.standalone("a>b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deliveryKeysAndDomainsAreChecked() {
        assertThatThrownBy(() -> ids.of(ticket, "Has Space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.of(ticket, "a>b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageIds("bad domain>")).isInstanceOf(IllegalArgumentException.class);
    }
}
