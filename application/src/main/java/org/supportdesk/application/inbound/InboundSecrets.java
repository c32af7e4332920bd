package org.supportdesk.application.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.supportdesk.domain.digest.Digests;
import org.supportdesk.domain.port.SecretSource;

/**
 * A tenant's inbound secret: what a mail server's pipe or a provider's hook presents as its bearer token. Only its
 * SHA-256 is stored (256 random bits need no slow hash); it is compared in constant time.
 */
final class InboundSecrets {
    static final String PREFIX = "sdin_";

    private InboundSecrets() {}

    static String newSecret(SecretSource random) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random.randomBytes(32));
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }

    static boolean matches(String presented, String storedHash) {
        return MessageDigest.isEqual(
                hash(presented).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
