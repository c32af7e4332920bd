package org.supportdesk.application.mail;

import java.util.Objects;

/** A rendered mail's words: its subject line and its plain-text and HTML bodies. */
public record MailContent(String subject, String text, String html) {
    public MailContent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
