package org.supportdesk.application.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.supportdesk.domain.attachment.FileName;
import org.supportdesk.domain.port.ContentSniffer;
import org.supportdesk.domain.port.StagedContent;

/**
 * A stand-in for the real sniffer (Apache Tika in the persistence adapter) that knows a handful of signatures, enough
 * for the core's tests to upload images, PDFs, text and the files that must be refused, without a library. Like the
 * real one it believes the bytes, and lets the name only refine text.
 */
public final class FakeContentSniffer implements ContentSniffer {
    private static final int HEAD = 512;

    @Override
    public String sniff(StagedContent content, FileName name) {
        byte[] head = head(content);
        String start = new String(head, StandardCharsets.ISO_8859_1);
        String lower = start.stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("\u0089PNG\r\n\u001a\n")) {
            return "image/png";
        }
        if (start.startsWith("\u00ff\u00d8\u00ff")) {
            return "image/jpeg";
        }
        if (start.startsWith("GIF87a") || start.startsWith("GIF89a")) {
            return "image/gif";
        }
        if (start.startsWith("%PDF-")) {
            return "application/pdf";
        }
        if (start.startsWith("PK\u0003\u0004")) {
            return "application/zip";
        }
        if (start.startsWith("MZ")) {
            return "application/x-msdownload";
        }
        if (lower.startsWith("<svg") || lower.startsWith("<?xml")) {
            return "image/svg+xml";
        }
        if (lower.startsWith("<html") || lower.startsWith("<!doctype html") || lower.startsWith("<script")) {
            return "text/html";
        }
        if (!text(head)) {
            return "application/octet-stream";
        }
        String file = name.value().toLowerCase(Locale.ROOT);
        if (file.endsWith(".csv")) {
            return "text/csv";
        }
        if (file.endsWith(".log")) {
            return "text/x-log";
        }
        if (file.endsWith(".json")) {
            return "application/json";
        }
        return "text/plain";
    }

    private static byte[] head(StagedContent content) {
        try (InputStream in = content.open()) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean text(byte[] head) {
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(head));
            return true;
        } catch (CharacterCodingException e) {
            return head.length == HEAD; // a multi-byte character cut at the end of the head
        }
    }
}
