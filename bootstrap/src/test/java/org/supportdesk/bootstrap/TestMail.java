package org.supportdesk.bootstrap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * A raw RFC 5322 mail written by hand, the way a sender (or a forger) would write it, with a fresh {@code Message-ID}
 * unless told otherwise: headers go out exactly as given, so tests can forge anything.
 */
final class TestMail {
    private final List<String> headers = new ArrayList<>();
    private String text = "Hello.";
    private String html;
    private final List<String[]> files = new ArrayList<>();
    private boolean messageId = true;

    private TestMail(String from) {
        headers.add("From: " + from);
    }

    /** A mail whose {@code From} header says {@code from}, to the support address, with a subject. */
    static TestMail from(String from) {
        return new TestMail(from).header("To", "support@acme.example").header("Subject", "A question");
    }

    /** Adds a header; a {@code Message-ID} given here replaces the fresh one. */
    TestMail header(String name, String value) {
        headers.add(name + ": " + value);
        if (name.equalsIgnoreCase("Message-ID")) {
            messageId = false;
        }
        return this;
    }

    /** Replaces the {@code To} header. */
    TestMail to(String to) {
        return replace("To", to);
    }

    /** Replaces the {@code Subject} header. */
    TestMail subject(String subject) {
        return replace("Subject", subject);
    }

    private TestMail replace(String name, String value) {
        headers.removeIf(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        return header(name, value);
    }

    TestMail text(String text) {
        this.text = text;
        return this;
    }

    TestMail html(String html) {
        this.html = html;
        this.text = null;
        return this;
    }

    TestMail attach(String name, String type, byte[] content) {
        files.add(new String[] {name, type, Base64.getMimeEncoder().encodeToString(content)});
        return this;
    }

    byte[] bytes() {
        StringBuilder mail = new StringBuilder();
        headers.forEach(h -> mail.append(h).append("\r\n"));
        if (messageId) {
            mail.append("Message-ID: <").append(UUID.randomUUID()).append("@sender.example>\r\n");
        }
        mail.append("MIME-Version: 1.0\r\n");
        String bodyType = html != null ? "text/html" : "text/plain";
        String body = html != null ? html : text;
        if (files.isEmpty()) {
            mail.append("Content-Type: ").append(bodyType).append("; charset=utf-8\r\n\r\n");
            mail.append(body).append("\r\n");
        } else {
            String boundary = "b-" + UUID.randomUUID();
            mail.append("Content-Type: multipart/mixed; boundary=\"")
                    .append(boundary)
                    .append("\"\r\n\r\n");
            mail.append("--")
                    .append(boundary)
                    .append("\r\nContent-Type: ")
                    .append(bodyType)
                    .append("; charset=utf-8\r\n\r\n")
                    .append(body)
                    .append("\r\n");
            for (String[] file : files) {
                mail.append("--")
                        .append(boundary)
                        .append("\r\nContent-Type: ")
                        .append(file[1])
                        .append("\r\nContent-Disposition: attachment; filename=\"")
                        .append(file[0])
                        .append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                        .append(file[2])
                        .append("\r\n");
            }
            mail.append("--").append(boundary).append("--\r\n");
        }
        return mail.toString().getBytes(StandardCharsets.UTF_8);
    }
}
