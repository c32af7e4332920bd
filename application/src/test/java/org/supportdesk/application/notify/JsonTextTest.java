package org.supportdesk.application.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    @Test
    void a_flat_object_reads_back_as_written_whatever_its_strings_hold() {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("quotes", "\"a\" \\ b / c");
        written.put("lines", "one\r\ntwo\u2028three\u0085\tfour\u0000");
        written.put("html", "<p>&amp;</p>".repeat(10_000));
        written.put("russian", "Принтер горит");
        written.put("absent", null);

        Map<String, String> read = JsonText.flatObject(JsonText.object(written));

        assertThat(read)
                .containsOnlyKeys("quotes", "lines", "html", "russian")
                .containsEntry("quotes", "\"a\" \\ b / c")
                .containsEntry("lines", "one\r\ntwo\u2028three\u0085\tfour\u0000")
                .containsEntry("html", "<p>&amp;</p>".repeat(10_000))
                .containsEntry("russian", "Принтер горит");
        assertThat(JsonText.flatObject(" { } ")).isEmpty();
    }

    @Test
    void anything_but_a_flat_object_of_strings_is_refused() {
        for (String bad : new String[] {"", "[]", "{\"a\":1}", "{\"a\":\"b\"", "{\"a\":\"b\"} x", "{\"a\":{}}"}) {
            assertThatThrownBy(() -> JsonText.flatObject(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
