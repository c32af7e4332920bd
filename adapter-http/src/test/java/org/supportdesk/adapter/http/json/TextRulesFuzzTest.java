package org.supportdesk.adapter.http.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.supportdesk.adapter.http.FuzzInputs.utf16;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.supportdesk.adapter.http.Refusals;
import org.supportdesk.domain.problem.Validation;
import org.supportdesk.domain.tenant.Email;

/**
 * S15, the text rules every body field, query parameter and header value meets before anything reads it:
 * {@link Validation#isPlainText} and {@link Email#of}.
 */
class TextRulesFuzzTest {
    /** Agrees with its definition: no C0 control but tab, line feed and carriage return, and no unpaired surrogate. */
    @FuzzTest(maxDuration = "10m")
    void plain_text_is_text_without_controls_or_unpaired_surrogates(byte[] input) {
        String text = utf16(input);
        boolean wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
        boolean noControls = text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');

        assertThat(Validation.isPlainText(text)).isEqualTo(wellFormed && noControls);
    }

    /** An address is normalised once (reading its own value gives it back) and is plain text; anything else is 400. */
    @FuzzTest(maxDuration = "10m")
    void an_email_is_normalised_once_or_a_400(byte[] input) {
        String raw = utf16(input);
        Email email;
        try {
            email = Email.of(raw);
        } catch (RuntimeException refused) {
            assertThat(Refusals.statusOf(refused)).isEqualTo(400);
            return;
        }
        assertThat(email.value()).hasSizeLessThanOrEqualTo(Email.MAX_LENGTH).matches(Validation::isPlainText);
        assertThat(Email.of(email.value())).isEqualTo(email);
    }
}
