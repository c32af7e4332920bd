package org.supportdesk.adapter.http;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/api/openapi.yaml as a contract every test response must keep. The HTTP tests' clients hand each response to
 * {@link #check(String, String, HttpResponse)}: the document must declare the operation (method and path template)
 * and the status (or {@code default}), and the body must match the declared schema for its content type. So the
 * document cannot drift from the server without a test failing, whichever side moved.
 *
 * <p>swagger-parser reads the document (the same parse {@code OpenApiDocumentTest} insists is clean) to find the
 * operation and response; networknt's validator checks bodies against the document's own schemas, in the OpenAPI
 * 3.1 dialect (JSON Schema 2020-12), with {@code format} asserted so that a time or id in the wrong shape fails too.
 */
public final class OpenApiContract {
    /** Where the document sits on the test class path: adapter-http's pom copies it from docs/api. */
    public static final String RESOURCE = "docs/api/openapi.yaml";

    private static final String SCHEMA_PREFIX = "#/components/schemas/";
    private static final String RESPONSE_PREFIX = "#/components/responses/";
    private static final String PROBLEM = "Problem";

    /** Jackson 3, the validator's own; the server's Jackson 2 nodes are another type. */
    private static final JsonMapper JSON = new JsonMapper();

    /** Built on first use, so that a test of the document itself reports a broken file as its own failure. */
    private static final class Loaded {
        static final OpenApiContract INSTANCE = new OpenApiContract();
    }

    private final OpenAPI document;
    private final List<PathTemplate> paths;
    private final SchemaRegistry schemas = SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            registry -> registry.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();
    private final AtomicLong checked = new AtomicLong();

    private OpenApiContract() {
        SwaggerParseResult parsed = parse();
        if (!parsed.getMessages().isEmpty() || parsed.getOpenAPI() == null) {
            throw new IllegalStateException(RESOURCE + " does not parse cleanly: " + parsed.getMessages());
        }
        document = parsed.getOpenAPI();
        paths = document.getPaths().keySet().stream()
                .map(PathTemplate::new)
                // A concrete segment beats a template (OpenAPI's own rule), so fewer variables first.
                .sorted(Comparator.comparingInt(PathTemplate::variables))
                .collect(Collectors.toList());
    }

    /** The document as swagger-parser reads it: resolving nothing, so every message is about the file itself. */
    public static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        return new OpenAPIParser().readContents(text(), null, options);
    }

    /** The document's text, from the test class path. */
    public static String text() {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails with an {@link AssertionError} naming method, path, status and what is wrong, unless the document declares
     * this response and its body matches the declared schema.
     */
    public static void check(String method, String path, HttpResponse<String> response) {
        check(
                method,
                path,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** {@link #check(String, String, HttpResponse)} of an answer read some other way (the start of an event stream). */
    public static void check(String method, String path, int status, String contentType, String body) {
        Loaded.INSTANCE.checked.incrementAndGet();
        List<String> problems = Loaded.INSTANCE.problems(method, path, status, contentType, body);
        if (!problems.isEmpty()) {
            throw new AssertionError("%s %s answered %d, which docs/api/openapi.yaml does not allow:%n  %s%n%s"
                    .formatted(method, path, status, String.join(System.lineSeparator() + "  ", problems), body));
        }
    }

    /** How many responses have been checked in this JVM; tests use it to prove a client really checks. */
    public static long responsesChecked() {
        return Loaded.INSTANCE.checked.get();
    }

    /** What is wrong with this response by the document; empty when nothing is. */
    public static List<String> violations(String method, String path, int status, String contentType, String body) {
        return Loaded.INSTANCE.problems(method, path, status, contentType, body);
    }

    private List<String> problems(String method, String path, int status, String contentType, String body) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        Optional<String> template = paths.stream()
                .filter(p -> p.matches(bare))
                .map(PathTemplate::template)
                .findFirst();
        Optional<Operation> operation =
                template.map(t -> operation(document.getPaths().get(t), method));
        if (operation.isEmpty()) {
            // Unknown routes and methods a route does not take: the server still owes a problem, never a success.
            String route =
                    template.map(t -> "no " + method + " operation at " + t).orElse("no path matches " + bare);
            if (status < 400) {
                return List.of(route + ", yet the server answered " + status);
            }
            return body(SCHEMA_PREFIX + PROBLEM, "application/problem+json", contentType, body);
        }
        ApiResponse declared = response(operation.get(), status);
        if (declared == null) {
            return List.of("%s %s declares no %d response and no default".formatted(method, template.get(), status));
        }
        if (declared.get$ref() != null) {
            declared = document.getComponents()
                    .getResponses()
                    .get(declared.get$ref().substring(RESPONSE_PREFIX.length()));
        }
        boolean empty = body == null || body.isEmpty();
        if (declared.getContent() == null || declared.getContent().isEmpty()) {
            return empty ? List.of() : List.of("the document declares no body, the server sent one");
        }
        // An empty body is bytes only where bytes are declared: a file may have none (an erased attachment).
        if (empty && !declaresBytes(declared.getContent().get(mediaType(contentType)))) {
            return List.of(
                    "the document declares a body " + declared.getContent().keySet() + ", the server sent none");
        }
        String mediaType = mediaType(contentType);
        MediaType content = declared.getContent().get(mediaType);
        if (content == null) {
            return List.of("content type '" + contentType + "' is not among the declared "
                    + declared.getContent().keySet());
        }
        if (content.getSchema() == null || content.getSchema().get$ref() == null) {
            return List.of("the declared " + mediaType + " schema is inline; the document names every response schema"
                    + " under components/schemas");
        }
        if (declaresBytes(content)) {
            return List.of(); // bytes (a download), declared as such for this media type: nothing to parse
        }
        return body(content.getSchema().get$ref(), mediaType, contentType, body);
    }

    /** Whether {@code content} (null: not declared) is a named schema of binary format. */
    private boolean declaresBytes(MediaType content) {
        if (content == null
                || content.getSchema() == null
                || content.getSchema().get$ref() == null) {
            return false;
        }
        io.swagger.v3.oas.models.media.Schema<?> declaredSchema = document.getComponents()
                .getSchemas()
                .get(content.getSchema().get$ref().substring(SCHEMA_PREFIX.length()));
        return declaredSchema != null && "binary".equals(declaredSchema.getFormat());
    }

    private List<String> body(String schemaRef, String expectedType, String contentType, String body) {
        if (!expectedType.equals(mediaType(contentType))) {
            return List.of("content type '" + contentType + "', expected " + expectedType);
        }
        JsonNode json;
        if (isJson(expectedType)) {
            try {
                json = JSON.readTree(body);
            } catch (JacksonException notJson) {
                return List.of("the body is not JSON: " + notJson.getOriginalMessage());
            }
        } else {
            // A text body (text/csv …) is checked as one string against its schema.
            json = JSON.valueToTree(body);
        }
        Schema schema = compiled.computeIfAbsent(
                schemaRef, ref -> schemas.getSchema(SchemaLocation.of("classpath:" + RESOURCE + ref)));
        List<Error> errors = schema.validate(json);
        String name = schemaRef.substring(SCHEMA_PREFIX.length());
        return errors.stream()
                .map(e -> {
                    String where = e.getInstanceLocation() == null
                            ? ""
                            : e.getInstanceLocation().toString();
                    return name + " at " + (where.isEmpty() ? "the top" : where) + ": " + e.getMessage();
                })
                .collect(Collectors.toList());
    }

    private static Operation operation(PathItem item, String method) {
        try {
            return item.readOperationsMap().get(PathItem.HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException notAnHttpMethodOpenApiKnows) {
            return null;
        }
    }

    /** The exact status, then its class ({@code 4XX}), then {@code default}: OpenAPI's order of precedence. */
    private static ApiResponse response(Operation operation, int status) {
        var responses = operation.getResponses();
        ApiResponse exact = responses.get(Integer.toString(status));
        if (exact != null) {
            return exact;
        }
        ApiResponse range = responses.get(status / 100 + "XX");
        return range != null ? range : responses.getDefault();
    }

    private static boolean isJson(String mediaType) {
        return mediaType.equals("application/json") || mediaType.endsWith("+json");
    }

    private static String mediaType(String contentType) {
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    /** A path of the document, e.g. {@code /api/v1/tickets/{id}}; a variable matches one non-empty segment. */
    private record PathTemplate(String template, String[] segments) {
        PathTemplate(String template) {
            this(template, template.split("/", -1));
        }

        int variables() {
            int count = 0;
            for (String segment : segments) {
                if (isVariable(segment)) {
                    count++;
                }
            }
            return count;
        }

        boolean matches(String path) {
            String[] actual = path.split("/", -1);
            if (actual.length != segments.length) {
                return false;
            }
            for (int i = 0; i < segments.length; i++) {
                boolean same = isVariable(segments[i]) ? !actual[i].isEmpty() : segments[i].equals(actual[i]);
                if (!same) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isVariable(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }
    }
}
