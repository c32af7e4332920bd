package org.supportdesk.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** docs/api/openapi.yaml describes exactly the routes the server registers: none missing, none invented. */
class OpenApiTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    final TestServer server = new TestServer();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void every_registered_route_is_described_and_every_described_route_exists() throws IOException {
        JsonNode spec = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("..", "docs", "api", "openapi.yaml").toFile());
        Set<String> described = new TreeSet<>();
        spec.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                    if (METHODS.contains(method)) {
                        described.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }));
        Set<String> registered = new TreeSet<>();
        server.routes.stream()
                .filter(route -> METHODS.contains(route.getHttpMethod().name().toLowerCase(Locale.ROOT)))
                .forEach(route -> registered.add(route.getHttpMethod().name() + " " + route.getPath()));

        assertThat(registered).isNotEmpty();
        assertThat(described).as("routes in openapi.yaml").containsExactlyInAnyOrderElementsOf(registered);
        assertThat(spec.get("openapi").asText()).startsWith("3.1");
    }
}
