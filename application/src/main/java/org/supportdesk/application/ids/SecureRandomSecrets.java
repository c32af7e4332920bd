package org.supportdesk.application.ids;

import java.security.SecureRandom;
import org.supportdesk.domain.port.SecretSource;

/** Secrets from the platform's strong random source. */
public final class SecureRandomSecrets implements SecretSource {
    private final SecureRandom random = new SecureRandom();

    @Override
    public byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
