package org.supportdesk.domain.tenant;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supportdesk.domain.digest.Digests;

/**
 * The bearer string of an API token: {@code sdt_<tenant id as 32 hex>_<256 random bits, base64url>}. The tenant in the
 * clear lets a request find the token inside that tenant's rows (row-level security stays on); the random part is what
 * makes it secret. It is shown once and stored only as its {@link #digest()}.
 */
public record ApiTokenSecret(String value) {
    public static final String PREFIX = "sdt_";
    public static final int ENTROPY_BYTES = 32;
    private static final Pattern SHAPE = Pattern.compile("sdt_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");

    public ApiTokenSecret {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an API token");
        }
    }

    /** A new token for {@code tenant} from {@code entropy}, which must be 32 fresh random bytes. */
    public static ApiTokenSecret issue(TenantId tenant, byte[] entropy) {
        if (entropy.length != ENTROPY_BYTES) {
            throw new IllegalArgumentException("an API token needs " + ENTROPY_BYTES + " random bytes");
        }
        return new ApiTokenSecret(PREFIX
                + tenant.value().toString().replace("-", "")
                + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(entropy));
    }

    /** The bearer as an API token, if it has the shape of one. */
    public static Optional<ApiTokenSecret> parse(String bearer) {
        return bearer != null && SHAPE.matcher(bearer).matches()
                ? Optional.of(new ApiTokenSecret(bearer))
                : Optional.empty();
    }

    /** Whether a bearer string claims to be an API token rather than a JWT. */
    public static boolean looksLikeOne(String bearer) {
        return bearer != null && bearer.startsWith(PREFIX);
    }

    /** The tenant the token was issued in. */
    public TenantId tenant() {
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException("checked in the constructor");
        }
        String hex = m.group(1);
        return new TenantId(new UUID(
                Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16)));
    }

    /**
     * SHA-256 of the whole token, hex. A fast unsalted hash is enough here, unlike for passwords: the token carries 256
     * bits of randomness, so no dictionary or brute force can invert the digest, and a fast hash keeps every request
     * free of key-derivation work.
     */
    public String digest() {
        return Digests.sha256Hex(value);
    }

    @Override
    public String toString() {
        return "ApiTokenSecret[redacted]";
    }
}
