package org.supportdesk.application.ids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.supportdesk.domain.port.SecretBox;

/**
 * Seals with AES-256-GCM under a key from configuration (JDK crypto only): {@code v1:} and the base64 of a fresh
 * 12-byte nonce followed by the ciphertext and its tag. A row read without the key reveals nothing; a row altered or
 * sealed under another key does not open.
 */
public final class AesGcmSecretBox implements SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private AesGcmSecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("an AES-256 key is 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box under a 32-byte key. */
    public static AesGcmSecretBox withKey(byte[] key) {
        return new AesGcmSecretBox(key);
    }

    /** A box under the SHA-256 of {@code passphrase} (a configured or generated secret of enough entropy). */
    public static AesGcmSecretBox derivedFrom(String passphrase) {
        try {
            return new AesGcmSecretBox(MessageDigest.getInstance("SHA-256")
                    .digest(("supportdesk secret box v1:" + passphrase).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    @Override
    public String open(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalStateException("not a sealed secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the sealed secret does not open under this key", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmSecretBox[key hidden]";
    }
}
