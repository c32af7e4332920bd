package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.supportdesk.adapter.http.json.JsonMapping;

/**
 * S15, JSON request decoding: any body, read as every type a route reads a body into, is that type or a 4xx problem,
 * never another exception; and what it decodes to is written and read back to the same JSON.
 */
class RequestBodyFuzzTest {
    private static final ObjectMapper JSON = JsonMapping.create();
    private static final Requests REQUESTS = new Requests(JSON);
    private static final List<Class<?>> BODY_TYPES = bodyTypes();

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "\"subject\"",
        "\"description\"",
        "\"category\"",
        "\"priority\"",
        "\"requester\"",
        "\"requester_id\"",
        "\"custom_fields\"",
        "\"kind\"",
        "\"body\"",
        "\"is_resolution\"",
        "\"tags\"",
        "\"status\"",
        "\"assignee_id\"",
        "\"email\"",
        "\"name\"",
        "\"password\"",
        "\"role\"",
        "\"tenant\"",
        "\"targets\"",
        "\"weekly_hours\"",
        "\"holidays\"",
        "\"time_zone\"",
        "\"always_open\"",
        "\"categories\"",
        "\"follow_up_of\"",
        "\"page_url\"",
        "\\u0000",
        "\\ud800",
        "1e999999",
        "-0.0",
        "null",
        "true",
        "[]",
        "{}"
    })
    void any_body_is_a_request_or_a_4xx_problem(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8); // as Javalin decodes a body without a charset
        for (Class<?> type : BODY_TYPES) {
            decodesOrRefuses(text, type);
        }
    }

    private static <T> void decodesOrRefuses(String text, Class<T> type) {
        T decoded;
        try {
            decoded = REQUESTS.decode("application/json", text, type);
        } catch (RuntimeException refused) {
            assertThat(Refusals.statusOf(refused)).as(type.getName()).isBetween(400, 499);
            return;
        }
        // Compared as JSON: an absent JsonNode field reads as null but writes as JSON null, which reads as NullNode.
        JsonNode written = JSON.valueToTree(decoded);
        assertThat(JSON.<JsonNode>valueToTree(readBack(written, type)))
                .as(type.getName())
                .isEqualTo(written);
    }

    private static <T> T readBack(JsonNode written, Class<T> type) {
        try {
            return JSON.treeToValue(written, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void the_body_types_are_those_of_every_endpoint_group() {
        assertThat(BODY_TYPES)
                .contains(ObjectNode.class)
                .extracting(Class::getSimpleName)
                .contains("FileRequest", "MessageRequest", "ReplyRequest", "LoginRequest", "HoursRequest");
    }

    /**
     * Every record nested in a class of endpoints (where routes declare their bodies), found on the class path so a new
     * route's body is fuzzed without a change here, and {@link ObjectNode} for the partial bodies of PATCH.
     */
    private static List<Class<?>> bodyTypes() {
        Path classes = classDirectoryOf(Endpoints.class);
        try (Stream<Path> files = Files.walk(classes)) {
            Stream<Class<?>> records = files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> load(classes.relativize(f)))
                    .filter(c -> Endpoints.class.isAssignableFrom(c) && !c.isInterface())
                    .flatMap(c -> Arrays.stream(c.getDeclaredClasses()))
                    .filter(Class::isRecord)
                    .sorted(Comparator.comparing(Class::getName));
            return Stream.concat(Stream.of(ObjectNode.class), records).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classDirectoryOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(Path classFile) {
        String name = classFile.toString().replace('/', '.').replaceAll("\\.class$", "");
        try {
            return Class.forName(name, false, RequestBodyFuzzTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
