package org.supportdesk.domain.attachment;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file Supportdesk accepts (§6 allow-list), each with the media type it is served as. Which kind a file
 * is comes from its bytes, sniffed by an adapter; anything else (SVG, HTML, scripts, executables …) is refused.
 */
public enum AttachmentType {
    PNG("image/png", true),
    JPEG("image/jpeg", true),
    GIF("image/gif", true),
    WEBP("image/webp", true),
    PDF("application/pdf", false),
    TEXT("text/plain", false),
    CSV("text/csv", false),
    LOG("text/x-log", false),
    JSON("application/json", false),
    ZIP("application/zip", false),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", false),
    ODT("application/vnd.oasis.opendocument.text", false),
    ODS("application/vnd.oasis.opendocument.spreadsheet", false);

    private final String mediaType;
    private final boolean image;

    AttachmentType(String mediaType, boolean image) {
        this.mediaType = mediaType;
        this.image = image;
    }

    /** The media type it is stored and served as. */
    public String mediaType() {
        return mediaType;
    }

    /** Whether it is a picture (a screenshot must be). */
    public boolean isImage() {
        return image;
    }

    /** The accepted kind a sniffed media type names (parameters ignored); empty for anything not on the list. */
    public static Optional<AttachmentType> ofMediaType(String sniffed) {
        if (sniffed == null) {
            return Optional.empty();
        }
        int parameters = sniffed.indexOf(';');
        String bare = (parameters < 0 ? sniffed : sniffed.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
        for (AttachmentType type : values()) {
            if (type.mediaType.equals(bare)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
