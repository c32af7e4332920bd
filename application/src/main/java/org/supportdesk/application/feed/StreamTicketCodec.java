package org.supportdesk.application.feed;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.supportdesk.domain.digest.Digests;
import org.supportdesk.domain.tenant.TenantId;

/**
 * A stream ticket's text: {@code st_<tenant id>_<32 random bytes, base64url>}. The tenant rides along so the ticket is
 * looked up within its tenant (row-level security); only the SHA-256 of the random part is stored.
 */
record StreamTicketCodec(TenantId tenant, String secret) {
    static final int SECRET_BYTES = 32;
    private static final Pattern SHAPE =
            Pattern.compile("st_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_([A-Za-z0-9_-]{43})");

    static StreamTicketCodec fresh(TenantId tenant, byte[] random) {
        return new StreamTicketCodec(
                tenant, Base64.getUrlEncoder().withoutPadding().encodeToString(random));
    }

    static Optional<StreamTicketCodec> parse(String text) {
        Matcher matcher = SHAPE.matcher(text);
        return matcher.matches()
                ? Optional.of(new StreamTicketCodec(new TenantId(UUID.fromString(matcher.group(1))), matcher.group(2)))
                : Optional.empty();
    }

    String text() {
        return "st_" + tenant.value() + "_" + secret;
    }

    String digest() {
        return Digests.sha256Hex(secret);
    }
}
