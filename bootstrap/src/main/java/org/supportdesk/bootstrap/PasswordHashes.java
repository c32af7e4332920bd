package org.supportdesk.bootstrap;

import com.password4j.BcryptFunction;
import com.password4j.Password;
import com.password4j.types.Bcrypt;

/**
 * Hashes the passwords the command line sets (the first admin, the demo accounts) with bcrypt (cost 12) through
 * Password4j. Stands in until the shared password hasher of the sign-in work lands; then this class goes and its
 * callers use that one.
 */
final class PasswordHashes {
    private static final BcryptFunction BCRYPT = BcryptFunction.getInstance(Bcrypt.B, 12);

    private PasswordHashes() {}

    static String hash(String password) {
        return Password.hash(password).with(BCRYPT).getResult();
    }

    static boolean matches(String password, String hash) {
        return Password.check(password, hash).with(BCRYPT);
    }
}
