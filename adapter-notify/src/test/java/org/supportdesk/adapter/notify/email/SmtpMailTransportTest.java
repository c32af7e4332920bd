package org.supportdesk.adapter.notify.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.Header;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.OutgoingMail;

/**
 * The SMTP transport against a real SMTP server in this process (GreenMail on a free port): what arrives, that no text
 * of a mail adds a header or a recipient, and that a server that is down, stalls or refuses a sign-in is a failed
 * attempt rather than an exception or a hang.
 */
class SmtpMailTransportTest {
    private static final String ID = "<0b9b6c1e-5a39-4a57-9c1f-8b2f0a1c2d3e.key-1@mail.acme.example>";
    private static final String ROOT = "<ticket.0b9b6c1e-5a39-4a57-9c1f-8b2f0a1c2d3e@mail.acme.example>";

    /** The headers our mail has; anything else in a received mail was added by a text of the mail. */
    private static final Set<String> OUR_HEADERS = Set.of(
            "Date",
            "From",
            "Reply-To",
            "To",
            "Message-ID",
            "In-Reply-To",
            "References",
            "Subject",
            "MIME-Version",
            "Content-Type",
            "Auto-Submitted",
            "X-Auto-Response-Suppress",
            // GreenMail's own, on arrival
            "Received",
            "Return-Path");

    private GreenMail smtp;

    @BeforeEach
    void startServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    private SmtpMailTransport transport(Optional<String> user, Optional<String> password, int port) {
        return new SmtpMailTransport(
                new SmtpServer("127.0.0.1", port, SmtpServer.Security.NONE, user, password, Duration.ofSeconds(2)),
                "mail.acme.example",
                InstantSource.system());
    }

    private SmtpMailTransport transport() {
        return transport(Optional.empty(), Optional.empty(), smtp.getSmtp().getPort());
    }

    private static OutgoingMail mail(String toAddress, String toName, String subject, String body) {
        return new OutgoingMail(
                "support@mail.acme.example",
                toAddress,
                toName,
                Optional.of("support+rabc@mail.acme.example"),
                ID,
                Optional.of(ROOT),
                subject,
                body,
                "<p>" + body + "</p>");
    }

    @Test
    void a_mail_arrives_whole_with_its_ids_reply_address_and_the_auto_generated_marks() throws Exception {
        DeliveryOutcome outcome =
                transport().send(mail("carla@acme.example", "Карла Ruiz", "[TKT-2026-000042] Принтер горит", "Hi"));

        assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
        assertThat(outcome.status()).contains(250);
        MimeMessage received = single();
        assertThat(received.getMessageID()).isEqualTo(ID);
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo(ROOT);
        assertThat(received.getHeader("References", null)).isEqualTo(ROOT);
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getHeader("X-Auto-Response-Suppress", null)).isEqualTo("All");
        assertThat(received.getSubject()).isEqualTo("[TKT-2026-000042] Принтер горит");
        assertThat(((InternetAddress) received.getRecipients(RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Карла Ruiz");
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress())
                .isEqualTo("support+rabc@mail.acme.example");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Eve\r\nBcc: evil@evil.example",
                "Eve\nBcc: evil@evil.example",
                "Eve\rBcc: evil@evil.example",
                "Eve\u2028Bcc: evil@evil.example",
                "Eve\u2029Bcc: evil@evil.example",
                "Eve\u0085Bcc: evil@evil.example",
                "Eve\r\n\r\nInjected body",
                "=?UTF-8?Q?=0D=0ABcc:_evil@evil.example?=",
                "=?UTF-8?B?DQpCY2M6IGV2aWxAZXZpbC5leGFtcGxl?=",
                "Eve <evil@evil.example>, other@evil.example",
                "Eve\r\n X-Injected: folded"
            })
    void a_name_or_subject_adds_no_header_and_no_recipient(String hostile) throws Exception {
        DeliveryOutcome outcome = transport()
                .send(mail(
                        "carla@acme.example", hostile, "[TKT-2026-000042] " + hostile, "Body\r\nBcc: x@evil.example"));

        assertThat(outcome.delivered()).as(outcome.toString()).isTrue();
        MimeMessage received = single();
        assertThat(headerNames(received)).isSubsetOf(OUR_HEADERS);
        assertThat(received.getAllRecipients())
                .extracting(Address::toString)
                .allSatisfy(recipient -> assertThat(recipient).contains("carla@acme.example"));
        assertThat(received.getAllRecipients()).hasSize(1);
        assertThat(received.getRecipients(RecipientType.BCC)).isNull();
        assertThat(received.getRecipients(RecipientType.CC)).isNull();
    }

    @Test
    void a_body_that_speaks_smtp_stays_body() throws Exception {
        String body = "line\r\n.\r\nMAIL FROM:<evil@evil.example>\r\nRCPT TO:<evil@evil.example>\r\nDATA\r\n"
                + "Bcc: evil@evil.example\r\n\r\nowned\r\n.\r\n";

        assertThat(transport()
                        .send(mail("carla@acme.example", "Carla", "Subject", body))
                        .delivered())
                .isTrue();

        MimeMessage received = single();
        assertThat(headerNames(received)).isSubsetOf(OUR_HEADERS);
        assertThat(received.getAllRecipients()).hasSize(1);
        String text =
                (String) ((MimeMultipart) received.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("RCPT TO:<evil@evil.example>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "carla@acme.example\r\nBcc: evil@evil.example",
                "carla@acme.example, evil@evil.example",
                "Carla <carla@acme.example>, evil@evil.example",
                "group: carla@acme.example, evil@evil.example;",
                "not an address"
            })
    void a_recipient_that_is_not_exactly_one_address_is_refused_for_good_and_nothing_is_sent(String to) {
        DeliveryOutcome outcome = transport().send(mail(to, "Carla", "Subject", "Body"));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.permanent()).isTrue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_server_that_is_down_is_a_failed_attempt_to_be_tried_again() {
        int port = smtp.getSmtp().getPort();
        smtp.stop();

        DeliveryOutcome outcome = transport(Optional.empty(), Optional.empty(), port)
                .send(mail("carla@acme.example", "Carla", "Subject", "Body"));

        assertThat(outcome.delivered()).isFalse();
        assertThat(outcome.permanent()).isFalse();
        assertThat(outcome.error()).isPresent();
    }

    @Test
    void a_server_that_never_answers_is_a_failed_attempt_after_the_timeout_not_a_hang() throws IOException {
        List<Socket> held = Collections.synchronizedList(new ArrayList<>());
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();

            DeliveryOutcome outcome = transport(Optional.empty(), Optional.empty(), silent.getLocalPort())
                    .send(mail("carla@acme.example", "Carla", "Subject", "Body"));

            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.permanent()).isFalse();
            assertThat(outcome.error().orElseThrow()).containsIgnoringCase("timed out");
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void a_server_that_wants_a_sign_in_gets_the_configured_one_and_refuses_a_wrong_one() {
        smtp.setUser("mailer@mail.acme.example", "mailer", "right-password");
        smtp.getManagers().getUserManager().setAuthRequired(true);
        int port = smtp.getSmtp().getPort();

        DeliveryOutcome wrong = transport(Optional.of("mailer"), Optional.of("wrong-password"), port)
                .send(mail("carla@acme.example", "Carla", "Subject", "Body"));
        DeliveryOutcome right = transport(Optional.of("mailer"), Optional.of("right-password"), port)
                .send(mail("carla@acme.example", "Carla", "Subject", "Body"));

        assertThat(wrong.delivered()).isFalse();
        assertThat(wrong.permanent()).isFalse();
        assertThat(right.delivered()).as(right.toString()).isTrue();
    }

    private MimeMessage single() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static Set<String> headerNames(MimeMessage message) throws MessagingException {
        Set<String> names = new TreeSet<>();
        for (Header header : Collections.list(message.getAllHeaders())) {
            names.add(header.getName());
        }
        return names;
    }
}
