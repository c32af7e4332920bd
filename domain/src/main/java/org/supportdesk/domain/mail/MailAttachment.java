package org.supportdesk.domain.mail;

import java.util.Objects;
import java.util.Optional;

/** A file a mail carried, with the name its sender gave; its type is sniffed from the bytes when it is kept. */
public record MailAttachment(Optional<String> fileName, byte[] content) {
    public MailAttachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(content, "content");
    }
}
