package org.supportdesk.application.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplateTest {

    @Test
    void html_values_are_escaped_once_and_text_values_kept_as_they_are() {
        Map<String, String> values = Map.of("name", "<Tom & \"Jerry\">");

        assertThat(MailTemplate.html("<p title=\"{{name}}\">{{name}}</p>").render(values))
                .isEqualTo("<p title=\"&lt;Tom &amp; &quot;Jerry&quot;&gt;\">&lt;Tom &amp; &quot;Jerry&quot;&gt;</p>");
        assertThat(MailTemplate.text("Hi {{name}}").render(values)).isEqualTo("Hi <Tom & \"Jerry\">");
    }

    @Test
    void a_value_that_looks_like_a_placeholder_or_a_section_stays_text() {
        Map<String, String> values = Map.of("a", "{{b}} {{#b}}x{{/b}} $1 \\", "b", "secret");

        assertThat(MailTemplate.text("[{{a}}]").render(values)).isEqualTo("[{{b}} {{#b}}x{{/b}} $1 \\]");
    }

    @Test
    void a_section_is_kept_only_when_its_value_is_not_empty() {
        MailTemplate template = MailTemplate.text("a{{#quote}}<{{quote}}>{{/quote}}b");

        assertThat(template.render(Map.of("quote", "q"))).isEqualTo("a<q>b");
        assertThat(template.render(Map.of("quote", ""))).isEqualTo("ab");
    }

    @Test
    void a_placeholder_without_a_value_fails() {
        assertThatThrownBy(() -> MailTemplate.text("{{missing}}").render(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("missing");
    }
}
