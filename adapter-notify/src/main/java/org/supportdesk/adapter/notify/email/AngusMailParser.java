package org.supportdesk.adapter.notify.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.supportdesk.domain.mail.InboundMail;
import org.supportdesk.domain.mail.MailAttachment;
import org.supportdesk.domain.port.MailParser;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * Reads received mail with Angus Mail (Jakarta Mail): headers as written (addresses parsed, never judged here), the
 * first {@code text/plain} part as the text, else the first {@code text/html} part turned into text by jsoup, and every
 * other leaf part that has a name or is marked as an attachment as a file.
 */
public final class AngusMailParser implements MailParser {
    /** The headers a mail may have been delivered to us through, besides {@code To} and {@code Cc}. */
    private static final List<String> RECIPIENT_HEADERS =
            List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To");

    private final Session session;

    public AngusMailParser() {
        Properties properties = new Properties();
        // Received mail is whatever senders wrote: read it leniently, and decode encoded words and file names.
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        // Internationalised mail (RFC 6532) writes headers in raw UTF-8.
        properties.setProperty("mail.mime.allowutf8", "true");
        this.session = Session.getInstance(properties);
    }

    @Override
    public InboundMail parse(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            if (message.getHeader("From") == null) {
                throw unreadable("it has no From header");
            }
            List<InternetAddress> from = addresses(message, "From");
            Body body = new Body();
            body.walk(message);
            return new InboundMail(
                    from.stream().map(InternetAddress::getAddress).toList(),
                    from.size() == 1 ? Optional.ofNullable(from.get(0).getPersonal()) : Optional.empty(),
                    addresses(message, "Sender").stream().findFirst().map(InternetAddress::getAddress),
                    addresses(message, "Reply-To").stream()
                            .map(InternetAddress::getAddress)
                            .toList(),
                    RECIPIENT_HEADERS.stream()
                            .flatMap(header -> addresses(message, header).stream())
                            .map(InternetAddress::getAddress)
                            .toList(),
                    header(message, "Return-Path"),
                    Optional.ofNullable(message.getSubject()).orElse(""),
                    header(message, "Message-ID"),
                    header(message, "In-Reply-To"),
                    header(message, "References"),
                    new InboundMail.LoopSignals(
                            header(message, "Auto-Submitted"),
                            header(message, "Precedence"),
                            header(message, "List-Id"),
                            header(message, "List-Unsubscribe"),
                            header(message, "X-Autoreply"),
                            header(message, "X-Autorespond")),
                    body.text(),
                    body.attachments);
        } catch (MessagingException | IOException e) {
            throw unreadable(e.getMessage());
        }
    }

    /** Every address of every {@code name} header; an address that cannot be parsed is kept as written. */
    private static List<InternetAddress> addresses(MimeMessage message, String name) {
        List<InternetAddress> addresses = new ArrayList<>();
        try {
            String[] values = message.getHeader(name);
            if (values == null) {
                return addresses;
            }
            for (String value : values) {
                try {
                    addresses.addAll(List.of(InternetAddress.parseHeader(MimeUtility.unfold(value), false)));
                } catch (AddressException unparsable) {
                    // Kept whole, so the core sees an address it cannot read and refuses to trust it.
                    InternetAddress kept = new InternetAddress();
                    kept.setAddress(MimeUtility.unfold(value).strip());
                    addresses.add(kept);
                }
            }
            return addresses;
        } catch (MessagingException e) {
            throw unreadable(e.getMessage());
        }
    }

    /** All of the {@code name} headers, unfolded and joined by a space. */
    private static Optional<String> header(MimeMessage message, String name) throws MessagingException {
        return Optional.ofNullable(message.getHeader(name, " "))
                .map(MimeUtility::unfold)
                .map(String::strip);
    }

    private static ValidationFailed unreadable(String why) {
        return ValidationFailed.of("message", "is not a readable mail message: " + why);
    }

    /** The text and files found walking the MIME tree. */
    private static final class Body {
        private String plain;
        private String html;
        private final List<MailAttachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart child = parts.getBodyPart(i);
                    walk(child);
                }
                return;
            }
            boolean file = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
                    || fileName(part).isPresent();
            if (!file && part.isMimeType("text/plain") && plain == null) {
                plain = text(part);
            } else if (!file && part.isMimeType("text/html") && html == null) {
                html = text(part);
            } else if (file || part.isMimeType("message/rfc822")) {
                try (var content = part.getInputStream()) {
                    attachments.add(new MailAttachment(fileName(part), content.readAllBytes()));
                }
            }
        }

        String text() {
            if (plain != null) {
                return plain;
            }
            return html == null ? "" : HtmlText.of(html);
        }

        private static Optional<String> fileName(Part part) throws MessagingException {
            return Optional.ofNullable(part.getFileName()).map(String::strip).filter(name -> !name.isEmpty());
        }

        /** A text part in its declared charset; one Java does not know is read as UTF-8. */
        private static String text(Part part) throws MessagingException, IOException {
            try {
                Object content = part.getContent();
                if (content instanceof String text) {
                    return text;
                }
            } catch (UnsupportedEncodingException unknownCharset) {
                // falls through to the bytes
            }
            try (var content = part.getInputStream()) {
                return new String(content.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /** HTML to readable text with jsoup: scripts and styles dropped, block ends and line breaks kept as new lines. */
    static final class HtmlText {
        private HtmlText() {}

        static String of(String html) {
            Document document = Jsoup.parse(html);
            document.select("script, style, head, template").remove();
            document.select("br").before("\n");
            document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, blockquote, pre")
                    .after("\n");
            return document.body()
                    .wholeText()
                    .replaceAll("[ \\t\\x0B\\f\\r]+\\n", "\n")
                    .replaceAll("\\n{3,}", "\n\n");
        }
    }
}
