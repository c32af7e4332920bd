package org.supportdesk.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiTokenSecretTest {
    private final TenantId tenant = new TenantId(UUID.fromString("f0e1d2c3-b4a5-4697-8877-665544332211"));
    private final byte[] entropy = new byte[ApiTokenSecret.ENTROPY_BYTES];

    @Test
    void a_token_names_its_tenant_and_is_stored_as_a_sha_256_digest() {
        entropy[0] = 7;
        ApiTokenSecret secret = ApiTokenSecret.issue(tenant, entropy);

        assertThat(secret.value()).startsWith("sdt_f0e1d2c3b4a546978877665544332211_");
        assertThat(secret.tenant()).isEqualTo(tenant);
        assertThat(secret.digest()).hasSize(64).matches("[0-9a-f]+");
        assertThat(ApiTokenSecret.parse(secret.value())).contains(secret);
        assertThat(secret.toString()).doesNotContain(secret.value());
    }

    @Test
    void anything_else_is_not_a_token() {
        assertThat(ApiTokenSecret.parse("eyJhbGciOiJIUzI1NiJ9.e30.x")).isEmpty();
        assertThat(ApiTokenSecret.parse("sdt_short")).isEmpty();
        assertThat(ApiTokenSecret.parse(null)).isEmpty();
        assertThat(ApiTokenSecret.looksLikeOne("sdt_anything")).isTrue();
    }
}
