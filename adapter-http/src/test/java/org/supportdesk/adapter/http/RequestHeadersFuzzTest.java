package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.port.IdempotencyKey;
import org.supportdesk.domain.problem.Validation;

/** S15, the request headers read by hand: {@code If-Match}, {@code Idempotency-Key} and {@code Accept-Language}. */
class RequestHeadersFuzzTest {
    private static final TenantFixture ACME = new TenantFixture("acme");

    /** A version, or a 412; and only the ETag the server writes for that version names it (one spelling). */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"\"", "*", "W/", "\"0\"", "\"999999999999999999\"", ", ", " "})
    void if_match_is_a_version_written_one_way_or_a_412(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        Optional<Long> version;
        try {
            version = Requests.expectedVersion(header);
        } catch (RuntimeException refused) {
            assertThat(Refusals.statusOf(refused)).isEqualTo(412);
            return;
        }
        version.ifPresent(v -> assertThat("\"" + v + "\"").isEqualTo(header.strip()));
    }

    /** A key of 1 to 255 characters of plain text, stripped; reading it again changes nothing. Anything else is 400. */
    @FuzzTest(maxDuration = "10m")
    void an_idempotency_key_is_plain_text_or_a_400(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        IdempotencyKey key;
        try {
            key = idempotencyKey(header);
        } catch (RuntimeException refused) {
            assertThat(Refusals.statusOf(refused)).isEqualTo(400);
            return;
        }
        assertThat(key.key())
                .hasSizeBetween(1, IdempotencyKey.MAX_KEY_LENGTH)
                .isEqualTo(header.strip())
                .matches(Validation::isPlainText);
        assertThat(idempotencyKey(key.key())).isEqualTo(key);
    }

    /** Any {@code Accept-Language} picks English or Russian; none is refused or fails. */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"ru", "en", "-", ";q=", "0.5", "*", ",", "ru-RU", "x-"})
    void any_accept_language_picks_a_supported_language(byte[] input) {
        Locale locale = Problems.locale(new String(input, StandardCharsets.UTF_8));

        assertThat(locale.getLanguage()).isIn("en", "ru");
    }

    private static IdempotencyKey idempotencyKey(String key) {
        return new IdempotencyKey(ACME.tenant, ACME.customer.id().toString(), "POST", "/api/v1/portal/tickets", key);
    }
}
