package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.supportdesk.domain.tenant.Password;

class Password4jHashingTest {
    private final Password4jHashing hashing = new Password4jHashing();

    @Test
    void argon2id_hashes_are_salted_self_describing_and_verify_only_the_right_password() {
        String first = hashing.hash(new Password("correct horse"));
        String second = hashing.hash(new Password("correct horse"));

        assertThat(first).startsWith("$argon2id$").contains("m=19456,t=2,p=1").isNotEqualTo(second);
        assertThat(hashing.verify("correct horse", first)).isTrue();
        assertThat(hashing.verify("correct horse", second)).isTrue();
        assertThat(hashing.verify("battery staple", first)).isFalse();
        assertThat(hashing.verify("correct horse", "not a hash")).isFalse();
    }

    @Test
    void a_hash_made_with_other_costs_still_verifies() {
        String cheap = new Password4jHashing(1024, 1).hash(new Password("correct horse"));

        assertThat(hashing.verify("correct horse", cheap)).isTrue();
    }
}
