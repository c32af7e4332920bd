package org.supportdesk.adapter.http;

import io.javalin.http.Context;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.application.attachment.DownloadAttachment;
import org.supportdesk.domain.attachment.AttachmentNotFound;
import org.supportdesk.domain.digest.Digests;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.visibility.AttachmentView;

/**
 * Attachments over HTTP, the same for customers and staff (§6): the upload's answer and fingerprint, the ids a filing
 * or message names, and a download served so no browser runs it: {@code Content-Disposition: attachment} with the
 * name in RFC 6266 / RFC 8187 form, the sniffed type, {@code nosniff}, a sandboxing CSP, and no caching.
 */
public final class AttachmentTransfer {
    private static final String ATTR_CHAR = "!#$&+-.^_`|~";

    private AttachmentTransfer() {}

    /** What an upload answers, and what lists of attachments carry. */
    public record AttachmentResponse(String id, String filename, String contentType, long size, String sha256) {
        public static AttachmentResponse of(AttachmentView view) {
            return new AttachmentResponse(
                    view.id().toString(),
                    view.fileName().value(),
                    view.type().mediaType(),
                    view.size(),
                    view.digest().hex());
        }

        public static List<AttachmentResponse> of(List<AttachmentView> views) {
            return views.stream().map(AttachmentResponse::of).collect(Collectors.toList());
        }
    }

    /** Identifies an upload for {@code Idempotency-Key}: its name and bytes, not the multipart framing around them. */
    public static String fingerprint(AttachmentView upload) {
        return Digests.sha256Hex(
                upload.fileName().value() + "\n" + upload.digest().hex());
    }

    /** The attachment named by the {@code id} path parameter; anything but a UUID names none. */
    public static AttachmentId pathId(Context ctx) {
        try {
            return new AttachmentId(UUID.fromString(ctx.pathParam("id")));
        } catch (IllegalArgumentException notAnId) {
            throw new AttachmentNotFound();
        }
    }

    /** The ids a request names in {@code field}, recording a refusal in {@code fields}; none when absent. */
    public static List<AttachmentId> ids(FieldReader fields, String field, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return fields.read(field, () -> raw.stream()
                        .map(id -> {
                            if (id == null) {
                                throw ValidationFailed.of(field, "lists upload ids, none of them null");
                            }
                            return new AttachmentId(UUID.fromString(id));
                        })
                        .toList())
                .orElse(List.of());
    }

    /** One optional id, as {@link #ids}. */
    public static Optional<AttachmentId> id(FieldReader fields, String field, String raw) {
        return raw == null ? Optional.empty() : fields.read(field, () -> new AttachmentId(UUID.fromString(raw)));
    }

    /** Streams a download with the headers that keep a browser from rendering or sniffing it. */
    public static void serve(Context ctx, DownloadAttachment.Download download) {
        AttachmentView file = download.attachment();
        String name = file.fileName().value();
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encoded(name));
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
        ctx.header("Cache-Control", "private, no-store");
        ctx.header("ETag", "\"" + file.digest().hex() + "\"");
        ctx.contentType(file.type().mediaType());
        InputStream content = download.content();
        ctx.result(content);
    }

    /** The name for clients without RFC 8187: printable ASCII, with quotes, backslashes and the rest made {@code _}. */
    static String asciiFallback(String name) {
        StringBuilder ascii = new StringBuilder();
        name.codePoints()
                .forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
        return ascii.toString();
    }

    /** RFC 8187 {@code value-chars}: UTF-8, every byte but an {@code attr-char} percent-encoded. */
    static String encoded(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTR_CHAR.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
                out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
