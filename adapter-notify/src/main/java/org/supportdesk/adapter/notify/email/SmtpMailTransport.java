package org.supportdesk.adapter.notify.email;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.OutgoingMail;
import org.supportdesk.domain.port.MailTransport;

/**
 * Our mail over SMTP with Eclipse Angus Mail (docs/adr/0014): one connection per mail, bounded by the server's timeout
 * on connecting and on every read and write; STARTTLS required when configured (never a silent fall back to plain
 * text) or TLS from the start; a sign-in when a user is configured.
 *
 * <p>No header is ever written by hand from a text of the mail: addresses are parsed as exactly one address each,
 * display names and the subject lose any line break (CR, LF, NEL, U+2028, U+2029 and other control characters) and are
 * encoded by the library, and ids must be one {@code <…@…>} token. A text that looks like an RFC 2047 encoded word
 * stays the text of its own header.
 */
public final class SmtpMailTransport implements MailTransport {
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u0080-\\u009f\\u2028\\u2029]");
    private static final Pattern MESSAGE_ID =
            Pattern.compile("<[\\x21-\\x3b\\x3d\\x3f-\\x7e]+@[\\x21-\\x3b\\x3d\\x3f-\\x7e]+>");

    private final SmtpServer server;
    private final Session session;
    private final InstantSource clock;

    /**
     * @param heloName what we call ourselves to the server (the domain of our sender's address), so that no local
     *     name look-up, which may hang without DNS, is needed
     */
    public SmtpMailTransport(SmtpServer server, String heloName, InstantSource clock) {
        this.server = server;
        this.clock = clock;
        String millis = Long.toString(server.timeout().toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", server.host());
        properties.setProperty("mail.smtp.port", Integer.toString(server.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.localhost", heloName);
        properties.setProperty("mail.smtp.auth", Boolean.toString(server.user().isPresent()));
        switch (server.security()) {
            case NONE -> {
                // plain SMTP, for a server on the same host or a private network
            }
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        this.session = Session.getInstance(properties);
    }

    @Override
    public DeliveryOutcome send(OutgoingMail mail) {
        long started = System.nanoTime();
        MimeMessage message;
        try {
            message = message(mail);
        } catch (MessagingException | UnsupportedEncodingException | IllegalArgumentException e) {
            return DeliveryOutcome.gone("the mail cannot be written: " + e.getMessage());
        }
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(
                    server.host(),
                    server.port(),
                    server.user().orElse(null),
                    server.password().orElse(null));
            transport.sendMessage(message, message.getAllRecipients());
            return DeliveryOutcome.delivered(((SMTPTransport) transport).getLastReturnCode(), millisSince(started));
        } catch (MessagingException e) {
            return outcomeOf(e, millisSince(started));
        }
    }

    private MimeMessage message(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MessageWithOurId(session, messageId(mail.messageId()));
        message.setFrom(single(mail.fromAddress()));
        message.setRecipient(
                RecipientType.TO,
                new InternetAddress(
                        single(mail.toAddress()).getAddress(), oneLine(mail.toName()), StandardCharsets.UTF_8.name()));
        if (mail.replyTo().isPresent()) {
            message.setReplyTo(new Address[] {single(mail.replyTo().get())});
        }
        message.setSubject(oneLine(mail.subject()), StandardCharsets.UTF_8.name());
        if (mail.inReplyTo().isPresent()) {
            String root = messageId(mail.inReplyTo().get());
            message.setHeader("In-Reply-To", root);
            message.setHeader("References", root);
        }
        message.setHeader(
                "Date",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.UTC)));
        // RFC 3834: a machine sent this; out-of-office replies and Exchange's auto-responses stay silent.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    /** Exactly one address, strictly parsed: a list, a group or anything else is refused. */
    private static InternetAddress single(String address) throws AddressException {
        InternetAddress[] parsed = InternetAddress.parse(address, true);
        if (parsed.length != 1 || parsed[0].isGroup()) {
            throw new AddressException("not a single address", address);
        }
        parsed[0].validate();
        return new InternetAddress(parsed[0].getAddress());
    }

    private static String messageId(String id) {
        if (!MESSAGE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a message id: " + oneLine(id));
        }
        return id;
    }

    /** {@code text} on one line: a line break or control character in a header's text becomes a space. */
    static String oneLine(String text) {
        return CONTROL.matcher(text).replaceAll(" ");
    }

    /**
     * What a failed attempt comes to: a recipient the server refuses for good (5xx) is permanent, anything else (no
     * connection, a timeout, a 4xx, a refused sign-in) is tried again later.
     */
    private static DeliveryOutcome outcomeOf(MessagingException failure, long millis) {
        for (Exception cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return new DeliveryOutcome(
                        false,
                        Optional.of(refused.getReturnCode()),
                        millis,
                        Optional.of("the server refuses the recipient: " + oneLine(refused.getMessage())),
                        true);
            }
            if (cause instanceof SMTPAddressFailedException refused) {
                return DeliveryOutcome.refused(refused.getReturnCode(), millis);
            }
            if (cause instanceof SMTPSendFailedException refused && refused.getReturnCode() > 0) {
                return DeliveryOutcome.refused(refused.getReturnCode(), millis);
            }
        }
        return DeliveryOutcome.failed(describe(failure), millis);
    }

    /** The failure and what lies under it ({@code Exception reading response} says little without its timeout). */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        if (root != failure) {
            text += " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        return oneLine(text);
    }

    private static Exception next(Exception failure) {
        return failure instanceof MessagingException messaging ? messaging.getNextException() : null;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A message that keeps the {@code Message-ID} it is given: the library would otherwise make one of its own. */
    private static final class MessageWithOurId extends MimeMessage {
        private final String id;

        MessageWithOurId(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
