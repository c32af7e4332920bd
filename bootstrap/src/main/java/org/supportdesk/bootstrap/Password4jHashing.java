package org.supportdesk.bootstrap;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.supportdesk.domain.port.PasswordHashing;

/**
 * Argon2id through Password4j (§12), with the OWASP baseline parameters: 19 MiB of memory, two passes, one lane. The
 * stored string is the PHC format, which names the algorithm, parameters and salt, so raising the parameters later
 * still verifies old hashes. Only sign-in and setting a password reach this; request authentication never does.
 */
public final class Password4jHashing implements PasswordHashing {
    private static final int MEMORY_KIB = 19_456;
    /** What one hash holds in memory while it runs, for bounding how many run at once. */
    static final long MEMORY_BYTES = MEMORY_KIB * 1024L;

    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final Argon2Function argon2;

    public Password4jHashing() {
        this(MEMORY_KIB, ITERATIONS);
    }

    /** Hashing with other costs, for tests that should not spend the production cost on every hash. */
    public Password4jHashing(int memoryKib, int iterations) {
        this.argon2 = Argon2Function.getInstance(
                memoryKib, iterations, PARALLELISM, HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    }

    @Override
    public String hash(org.supportdesk.domain.tenant.Password password) {
        return Password.hash(password.value())
                .addRandomSalt(SALT_BYTES)
                .with(argon2)
                .getResult();
    }

    @Override
    public boolean verify(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException unreadable) {
            // A hash this build cannot read matches nothing; sign-in answers as for a wrong password.
            return false;
        }
    }
}
