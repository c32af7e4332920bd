package org.supportdesk.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.mail.InboundMail;
import org.supportdesk.domain.problem.ValidationFailed;

/** The parser reads what senders wrote and judges nothing: addresses, encoded words, bodies, files, loop headers. */
class AngusMailParserTest {
    private final AngusMailParser parser = new AngusMailParser();

    private InboundMail parse(String raw) {
        return parser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_plain_mail_gives_its_addresses_headers_and_text() {
        InboundMail mail = parse(
                """
                From: "Carl Customer" <Carl@Example.com>
                To: support@acme.example, "Other" <other@acme.example>
                Cc: cc@acme.example
                Delivered-To: support+rabc@acme.example
                Reply-To: elsewhere@example.net
                Sender: carl@example.com
                Return-Path: <bounce@example.com>
                Subject: Printer on fire
                Message-ID: <m1@example.com>
                In-Reply-To: <ticket.1@acme.example>
                References: <a@x> <b@y>
                Auto-Submitted: no
                Content-Type: text/plain; charset=utf-8

                It burns.
                """);
        assertThat(mail.from()).containsExactly("Carl@Example.com");
        assertThat(mail.fromName()).contains("Carl Customer");
        assertThat(mail.sender()).contains("carl@example.com");
        assertThat(mail.replyTo()).containsExactly("elsewhere@example.net");
        assertThat(mail.recipients())
                .containsExactly(
                        "support@acme.example", "other@acme.example", "cc@acme.example", "support+rabc@acme.example");
        assertThat(mail.returnPath()).contains("<bounce@example.com>");
        assertThat(mail.subject()).isEqualTo("Printer on fire");
        assertThat(mail.messageId()).contains("<m1@example.com>");
        assertThat(mail.inReplyTo()).contains("<ticket.1@acme.example>");
        assertThat(mail.references()).contains("<a@x> <b@y>");
        assertThat(mail.loopSignals().autoSubmitted()).contains("no");
        assertThat(mail.text().strip()).isEqualTo("It burns.");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void encoded_words_are_decoded_in_the_name_and_subject_but_never_make_an_address() {
        InboundMail mail = parse(
                """
                From: =?utf-8?B?YWdlbnRAYWNtZS5leGFtcGxl?= <evil@x.example>
                Subject: =?utf-8?Q?Caf=C3=A9_help?=

                hi
                """);
        assertThat(mail.from()).containsExactly("evil@x.example");
        assertThat(mail.fromName()).contains("agent@acme.example");
        assertThat(mail.subject()).isEqualTo("Café help");
    }

    @Test
    void several_from_addresses_are_all_reported_and_no_single_name_is_given() {
        InboundMail mail =
                parse("""
                From: a@example.com, b@example.com

                hi
                """);
        assertThat(mail.from()).containsExactly("a@example.com", "b@example.com");
        assertThat(mail.fromName()).isEmpty();
    }

    @Test
    void an_html_only_body_is_turned_into_text_without_scripts() {
        InboundMail mail = parse(
                """
                From: a@example.com
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{}</style></head><body><p>Hello <b>there</b></p><script>alert(1)</script>\
                <div>Line&nbsp;two<br>Line three</div></body></html>
                """);
        assertThat(mail.text()).contains("Hello there").contains("Line three").doesNotContain("alert", "<b>", "p{}");
        assertThat(mail.text().lines().map(String::strip)).contains("Hello there");
    }

    @Test
    void the_text_part_wins_and_named_parts_are_files() {
        String png = Base64.getMimeEncoder().encodeToString(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        InboundMail mail = parse(
                """
                From: a@example.com
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: multipart/alternative; boundary="b2"

                --b2
                Content-Type: text/plain; charset=utf-8

                plain words
                --b2
                Content-Type: text/html; charset=utf-8

                <p>html words</p>
                --b2--
                --b1
                Content-Type: image/png; name="shot.png"
                Content-Disposition: attachment; filename="shot.png"
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """
                        .formatted(png));
        assertThat(mail.text().strip()).isEqualTo("plain words");
        assertThat(mail.attachments()).singleElement().satisfies(file -> {
            assertThat(file.fileName()).contains("shot.png");
            assertThat(file.content()).startsWith((byte) 0x89, (byte) 'P');
        });
    }

    @Test
    void loop_and_list_headers_are_reported_as_written() {
        InboundMail mail = parse(
                """
                From: a@example.com
                Auto-Submitted: auto-replied
                Precedence: bulk
                List-Id: <list.example.com>
                List-Unsubscribe: <mailto:leave@example.com>
                X-Autoreply: yes
                X-Autorespond: yes
                Return-Path: <>

                away
                """);
        InboundMail.LoopSignals signals = mail.loopSignals();
        assertThat(signals.autoSubmitted()).contains("auto-replied");
        assertThat(signals.precedence()).contains("bulk");
        assertThat(signals.listId()).contains("<list.example.com>");
        assertThat(signals.listUnsubscribe()).contains("<mailto:leave@example.com>");
        assertThat(signals.xAutoreply()).contains("yes");
        assertThat(signals.xAutorespond()).contains("yes");
        assertThat(mail.returnPath()).contains("<>");
    }

    @Test
    void bytes_without_a_from_header_are_not_a_mail() {
        assertThatThrownBy(() -> parser.parse("just some bytes\r\n\r\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ValidationFailed.class);
    }
}
