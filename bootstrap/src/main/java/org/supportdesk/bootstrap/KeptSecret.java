package org.supportdesk.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.persistence.PrivateFiles;

/**
 * A secret a server generates when none is configured (the JWT secret, the key webhook secrets are sealed under):
 * random, written once under the data directory readable by its owner only (0600) and never half-written
 * ({@link PrivateFiles}), and read again on every later start so that what it signed or sealed survives restarts.
 */
final class KeptSecret {
    static final String FILE_NAME = "jwt-secret";
    private static final Logger LOG = LoggerFactory.getLogger(KeptSecret.class);
    private static final int RANDOM_BYTES = 48;

    private KeptSecret() {}

    /** The secret kept in {@code file}, made first if there is none; {@code setting} is what would configure it. */
    static String loadOrCreate(Path file, String setting) {
        try {
            if (!Files.exists(file)) {
                create(file, setting);
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (secret.getBytes(StandardCharsets.UTF_8).length < JwtSettings.MIN_SECRET_BYTES) {
                throw new Config.InvalidConfig("the secret kept in " + file + " is shorter than "
                        + JwtSettings.MIN_SECRET_BYTES + " bytes; delete the file to have a new one generated");
            }
            return secret;
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep a secret in " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file, String setting) throws IOException {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        if (PrivateFiles.createIfAbsent(file, secret + "\n")) {
            LOG.info("No {} set: generated one and kept it in {}", setting, file.toAbsolutePath());
        }
    }
}
