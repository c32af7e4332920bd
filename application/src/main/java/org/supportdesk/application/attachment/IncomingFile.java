package org.supportdesk.application.attachment;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.attachment.PayloadTooLarge;

/**
 * One file as a driving adapter receives it (an HTTP multipart field, a mail part …), not read until the core knows
 * how much the tenant accepts: a transport that can tell early that a file is too large refuses it before reading it.
 */
@FunctionalInterface
public interface IncomingFile {
    /**
     * Starts receiving the file.
     *
     * @param maxBytes the most bytes the core accepts; it reads at most one more than that before refusing
     * @throws PayloadTooLarge when the transport already knows the file is larger
     */
    Received receive(long maxBytes);

    /** The name the sender gave, if any, and the bytes, which the core reads once and does not close. */
    record Received(Optional<String> fileName, InputStream content) {
        public Received {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(content, "content");
        }
    }
}
