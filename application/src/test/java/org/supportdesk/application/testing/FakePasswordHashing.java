package org.supportdesk.application.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.tenant.Password;

/** A fast stand-in for the real key derivation, salted so two hashes of one password differ. Tests only. */
public final class FakePasswordHashing implements PasswordHashing {
    private final AtomicLong salts = new AtomicLong();

    @Override
    public String hash(Password password) {
        String salt = Long.toString(salts.incrementAndGet());
        return "fake$" + salt + "$" + digest(salt, password.value());
    }

    @Override
    public boolean verify(String password, String hash) {
        String[] parts = hash.split("\\$");
        return parts.length == 3
                && parts[0].equals("fake")
                && MessageDigest.isEqual(
                        parts[2].getBytes(StandardCharsets.UTF_8),
                        digest(parts[1], password).getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(String salt, String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest((salt + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
