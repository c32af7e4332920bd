package org.supportdesk.application.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.supportdesk.domain.port.SecretSource;

/**
 * Standard Webhooks signing: {@code webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">}, keyed with the
 * base64-decoded part of the secret after {@code whsec_}.
 */
public final class WebhookSignature {
    public static final String SECRET_PREFIX = "whsec_";

    /** Bytes of randomness in a new secret (the specification asks for 24 to 64). */
    public static final int SECRET_BYTES = 32;

    private WebhookSignature() {}

    /** A new secret: {@code whsec_} and the base64 of {@value #SECRET_BYTES} random bytes. */
    public static String newSecret(SecretSource random) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(random.randomBytes(SECRET_BYTES));
    }

    /** The {@code webhook-signature} header value for one attempt. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a webhook secret");
        }
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
