package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * docs/api/openapi.yaml is a valid OpenAPI 3.1 document by a maintained parser (swagger-parser), not only by our own
 * reading of it: no parser message at all, an operationId on every operation that a generated client can use as a
 * method name, and no dangling {@code $ref}.
 */
class OpenApiDocumentTest {
    private static final SwaggerParseResult PARSED = OpenApiContract.parse();

    @Test
    void the_class_path_copy_is_the_document_in_docs_api() throws IOException {
        // OpenApiContract reads the copy the build puts on the test class path; it must be today's file.
        assertThat(OpenApiContract.text()).isEqualTo(Files.readString(Path.of("..", "docs", "api", "openapi.yaml")));
    }

    @Test
    void the_parser_reports_nothing_at_all() {
        assertThat(PARSED.getMessages()).as("swagger-parser messages").isEmpty();
        assertThat(PARSED.getOpenAPI()).isNotNull();
        assertThat(PARSED.getOpenAPI().getOpenapi()).startsWith("3.1");
    }

    @Test
    void every_operation_has_a_unique_camel_case_operation_id() {
        Map<String, List<String>> byId = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        operations(PARSED.getOpenAPI(), (where, operation) -> {
            if (operation.getOperationId() == null) {
                missing.add(where);
            } else {
                byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>())
                        .add(where);
            }
        });

        assertThat(missing).as("operations without an operationId").isEmpty();
        assertThat(byId).isNotEmpty();
        byId.forEach((id, where) -> {
            assertThat(where).as("operations named " + id).hasSize(1);
            assertThat(id).as("operationId of " + where).matches("[a-z][a-zA-Z0-9]*");
        });
    }

    @Test
    void every_ref_resolves_within_the_document() throws IOException {
        // swagger-parser checks references to components/schemas only; this walks every $ref in the file.
        JsonNode raw = new ObjectMapper(new YAMLFactory()).readTree(OpenApiContract.text());
        List<String> refs = new ArrayList<>();
        collectRefs(raw, refs);

        assertThat(refs).isNotEmpty();
        assertThat(refs)
                .as("$refs that point nowhere")
                .filteredOn(
                        ref -> !ref.startsWith("#/") || raw.at(ref.substring(1)).isMissingNode())
                .isEmpty();
    }

    @Test
    void every_response_body_is_a_named_schema() {
        // Named schemas give generated clients real type names, and let OpenApiContract validate by reference.
        List<String> inline = new ArrayList<>();
        operations(PARSED.getOpenAPI(), (where, operation) -> operation
                .getResponses()
                .forEach((status, response) -> named(where + " " + status, response, inline)));
        PARSED.getOpenAPI()
                .getComponents()
                .getResponses()
                .forEach((name, response) -> named("components.responses." + name, response, inline));

        assertThat(inline).as("inline response schemas").isEmpty();
    }

    @Test
    void the_document_names_its_licence_and_servers() {
        OpenAPI api = PARSED.getOpenAPI();

        assertThat(api.getInfo().getLicense().getIdentifier()).isEqualTo("Apache-2.0");
        assertThat(api.getServers())
                .anySatisfy(server -> assertThat(server.getUrl()).isEqualTo("http://127.0.0.1:8080"))
                .anySatisfy(server -> {
                    assertThat(server.getUrl()).isEqualTo("{scheme}://{host}:{port}");
                    assertThat(server.getVariables()).containsOnlyKeys("scheme", "host", "port");
                });
    }

    private static void named(String where, ApiResponse response, List<String> inline) {
        if (response.get$ref() != null || response.getContent() == null) {
            return;
        }
        for (Map.Entry<String, MediaType> content : response.getContent().entrySet()) {
            if (content.getValue().getSchema() == null
                    || content.getValue().getSchema().get$ref() == null
                    || !content.getValue().getSchema().get$ref().startsWith("#/components/schemas/")) {
                inline.add(where + " " + content.getKey());
            }
        }
    }

    private static void operations(OpenAPI api, BiConsumer<String, Operation> each) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> each.accept(method + " " + path, operation)));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }
}
