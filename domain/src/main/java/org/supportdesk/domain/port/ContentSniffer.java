package org.supportdesk.domain.port;

import org.supportdesk.domain.attachment.FileName;

/**
 * Tells what a file is from its bytes (§6), never from what the client claimed. The name may only refine a generic
 * finding of the bytes (plain text named {@code .csv} is CSV), never contradict it: an executable named {@code .png}
 * is an executable. A file whose bytes are an image but also carry more than the image (a polyglot) is not that image.
 */
public interface ContentSniffer {
    /**
     * The media type of the staged bytes, like {@code image/png}, without parameters; {@code application/octet-stream}
     * when the bytes are of no type known. Reads only as much of the bytes as it needs and never unpacks an archive.
     */
    String sniff(StagedContent content, FileName name);
}
