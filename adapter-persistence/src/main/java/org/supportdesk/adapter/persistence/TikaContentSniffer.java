package org.supportdesk.adapter.persistence;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.supportdesk.domain.attachment.FileName;
import org.supportdesk.domain.port.ContentSniffer;
import org.supportdesk.domain.port.StagedContent;

/**
 * Sniffs attachment types with Apache Tika's type registry (tika-core): the magic bytes decide, and the name may only
 * narrow a generic finding (text named {@code .csv} is CSV, a zip named {@code .docx} is a Word document), never
 * contradict it. Only the registry's own detector runs, reading the first bytes; no container detector or parser ever
 * opens an archive, so a zip bomb is just bytes. A GIF, PNG or WebP with bytes after the image's end (the shape of an
 * image/script polyglot) is not reported as that image.
 */
public final class TikaContentSniffer implements ContentSniffer {
    static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

    private final MimeTypes registry = MimeTypes.getDefaultMimeTypes();

    @Override
    public String sniff(StagedContent content, FileName name) {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.value());
        String type;
        try (InputStream in = new BufferedInputStream(content.open())) {
            type = registry.detect(in, metadata).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return endsWhereTheImageEnds(type, content) ? type : UNKNOWN;
    }

    private static boolean endsWhereTheImageEnds(String type, StagedContent content) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(content.open()))) {
            return switch (type) {
                case "image/gif" -> ImageEnds.gif(in);
                case "image/png" -> ImageEnds.png(in);
                case "image/webp" -> ImageEnds.webp(in, content.size());
                default -> true;
            };
        } catch (EOFException truncated) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
