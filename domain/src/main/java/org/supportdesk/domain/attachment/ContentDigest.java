package org.supportdesk.domain.attachment;

import java.util.Objects;
import java.util.regex.Pattern;

/** The SHA-256 of a file's bytes, in lowercase hex: what stored content is addressed by within its tenant. */
public record ContentDigest(String hex) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** The digest of no bytes at all: the content every erased attachment is left with. */
    public static final ContentDigest EMPTY =
            new ContentDigest("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    public ContentDigest {
        Objects.requireNonNull(hex, "hex");
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 lowercase hex digits");
        }
    }

    @Override
    public String toString() {
        return hex;
    }
}
