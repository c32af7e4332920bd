package org.supportdesk.application.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import org.supportdesk.domain.port.SecretSource;

/**
 * The secret Telegram sends with every update of a tenant's bot ({@code X-Telegram-Bot-Api-Secret-Token}): 32 random
 * bytes in unpadded base64url (Telegram allows {@code A-Z a-z 0-9 _ -}, up to 256 characters). Only its SHA-256 digest
 * is stored; a presented secret is compared digest to digest in constant time.
 */
final class WebhookSecrets {
    private WebhookSecrets() {}

    static String newSecret(SecretSource random) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random.randomBytes(32));
    }

    static String digest(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** Whether {@code presented} is the secret of {@code storedDigest}, in time independent of where they differ. */
    static boolean matches(String presented, String storedDigest) {
        return MessageDigest.isEqual(sha256(presented), HexFormat.of().parseHex(storedDigest));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
