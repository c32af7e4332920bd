package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.http.OpenApiContract;
import org.supportdesk.application.testing.AttachmentSamples;
import org.supportdesk.domain.digest.Digests;
import org.supportdesk.domain.tenant.Role;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.testing.HostileFileNames;

/**
 * RELIABILITY S6 over HTTP against the whole server, PostgreSQL and the local attachment store: size limits cut off
 * while streaming, types sniffed from the bytes, hostile names, zip bombs kept opaque, quotas per message and per
 * ticket, who may download what, and the headers every download carries.
 */
@Timeout(300)
class AttachmentSuiteTest {
    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiServer server;
    private static Supportdesk desk;
    private static TestHttp http;
    private static String customer;
    private static String otherCustomer;
    private static String agent;
    private static String foreignAdmin;
    private static Path files;
    private static String acmeTenant;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        files = dataDir.resolve("attachment-files");
        server = ApiServer.start(dataDir, Map.of(Config.ATTACHMENTS_DIR, files.toString()));
        desk = server.desk;
        http = server.http;
        StaffActor boss = Onboarding.tenant(desk.useCases(), "acme", "boss@acme.example", "boss-password");
        acmeTenant = boss.tenant().toString();
        server.person(boss, "acme", "Carla", Role.CUSTOMER);
        server.person(boss, "acme", "Oscar", Role.CUSTOMER);
        server.person(boss, "acme", "Agnes", Role.AGENT);
        Onboarding.tenant(desk.useCases(), "globex", "gail@globex.example", "gail-password");
        customer = server.signIn("acme", "carla@acme.example", "carla-password");
        otherCustomer = server.signIn("acme", "oscar@acme.example", "oscar-password");
        agent = server.signIn("acme", "agnes@acme.example", "agnes-password");
        foreignAdmin = server.signIn("globex", "gail@globex.example", "gail-password");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    // ---- sizes ---------------------------------------------------------------------------------------------------

    @Test
    void ten_megabytes_are_accepted_and_one_byte_more_is_413_with_nothing_left_on_disk() throws IOException {
        byte[] limit = new byte[TEN_MB];
        limit[0] = 'a'; // text: a letter, then zeros would be binary, so fill with letters
        java.util.Arrays.fill(limit, (byte) 'a');
        Upload accepted = upload(customer, "portal", "limit.txt", "text/plain", limit);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(accepted.json().get("size").asLong()).isEqualTo(TEN_MB);
        List<Path> before = filesOnDisk();

        byte[] over = new byte[TEN_MB + 1];
        java.util.Arrays.fill(over, (byte) 'b');
        Upload refused = upload(customer, "portal", "over.txt", "text/plain", over);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(filesOnDisk()).as("nothing staged or kept").isEqualTo(before);
    }

    @Test
    void a_200_megabyte_stream_is_cut_off_near_the_limit_without_being_read_to_its_end() throws Exception {
        long total = 200L * 1024 * 1024;
        AtomicLong sent = new AtomicLong();
        List<Path> before = filesOnDisk();
        String status;
        try (Socket socket = new Socket("127.0.0.1", desk.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            // Chunked, so the server cannot refuse on Content-Length and must count the bytes as they stream.
            out.write(("POST /api/v1/portal/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                            + customer + "\r\nContent-Type: multipart/form-data; boundary=B0UNDARY\r\n"
                            + "Transfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> stream(out, total, sent));
            writer.start();
            status = RawRequests.statusLine(socket.getInputStream());
            socket.shutdownOutput(); // the writer, if still blocked, fails now
            writer.join(30_000);
        }

        assertThat(status).startsWith("HTTP/1.1 413");
        assertThat(sent.get()).as("bytes the client got to send").isLessThan(total / 2);
        assertThat(filesOnDisk()).isEqualTo(before);
    }

    @Test
    void a_declared_length_past_the_limit_is_refused_before_the_body_is_read() throws IOException {
        assertThat(RawRequests.statusLineOf(
                        desk.port(),
                        "POST /api/v1/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + agent
                                + "\r\nContent-Type: multipart/form-data; boundary=B0UNDARY\r\n"
                                + "Content-Length: 2147483648\r\n\r\n"))
                .startsWith("HTTP/1.1 413");
    }

    // ---- types ---------------------------------------------------------------------------------------------------

    @Test
    void what_the_bytes_are_decides_and_executables_markup_and_polyglots_are_415() {
        Map<String, Upload> refused = Map.of(
                "exe named png", upload(customer, "portal", "cat.png", "image/png", AttachmentSamples.exe()),
                "html as png", upload(customer, "portal", "cat.png", "image/png", AttachmentSamples.html()),
                "svg", upload(agent, "desk", "logo.svg", "image/svg+xml", AttachmentSamples.svg()),
                "gif/js polyglot",
                        upload(customer, "portal", "cat.gif", "image/gif", AttachmentSamples.gifJavaScriptPolyglot()));
        refused.forEach((what, answer) -> {
            assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(415);
            assertThat(answer.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        });

        Upload png = upload(customer, "portal", "shot.png", "application/octet-stream", AttachmentSamples.png());
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.json().get("content_type").asText()).isEqualTo("image/png");
    }

    @Test
    void a_zip_bomb_is_kept_as_the_bytes_it_is_and_never_unpacked() throws IOException {
        byte[] bomb = AttachmentSamples.nestedZipBomb(4096L << 20);

        Upload stored = upload(customer, "portal", "bomb.zip", "application/zip", bomb);

        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("content_type").asText()).isEqualTo("application/zip");
        assertThat(stored.json().get("sha256").asText()).isEqualTo(Digests.sha256Hex(bomb));
        Download back = download(customer, "/api/v1/portal/attachments/" + stored.id());
        assertThat(back.bytes()).isEqualTo(bomb);
        assertThat(filesOnDisk())
                .allSatisfy(file -> assertThat(Files.size(file)).isLessThan(TEN_MB + 1));
    }

    // ---- names ---------------------------------------------------------------------------------------------------

    @Test
    void thirty_hostile_names_create_nothing_outside_the_tenant_directory() throws IOException {
        int n = 0;
        for (String name : HostileFileNames.ALL) {
            byte[] content = ("hostile name " + n++ + "\n").getBytes(StandardCharsets.UTF_8);
            Upload answer = upload(customer, "portal", name, "text/plain", content);
            if (name.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
                // A part header cannot carry control characters: the multipart parser refuses the request whole.
                assertThat(answer.status()).as(name + ": " + answer.body()).isIn(201, 400);
                continue;
            }
            assertThat(answer.status()).as(name + ": " + answer.body()).isEqualTo(201);
            String kept = answer.json().get("filename").asText();
            assertThat(kept)
                    .doesNotContain("/", "\\", "\u0000", "\r", "\n", "\u202E")
                    .doesNotStartWith(".");
        }

        Path tenantDirectory = files.resolve(acmeTenant);
        assertThat(filesOnDisk()).isNotEmpty().allSatisfy(file -> {
            assertThat(file.normalize()).startsWith(files.toAbsolutePath().normalize());
            assertThat(file.getFileName().toString()).matches("[0-9a-f]{64}");
        });
        assertThat(filesOnDisk())
                .allSatisfy(file -> assertThat(file.toAbsolutePath().normalize())
                        .startsWith(tenantDirectory.toAbsolutePath().normalize()));
        try (Stream<Path> outside = Files.list(dataDir)) {
            assertThat(outside.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
                    .as("nothing beside the store in the data directory bears a client's name")
                    .allSatisfy(entry -> assertThat(entry).doesNotContain("x", "passwd", "hidden", "htaccess"));
        }
    }

    // ---- quotas --------------------------------------------------------------------------------------------------

    @Test
    void an_eleventh_file_on_a_message_is_413_and_so_is_a_ticket_past_100_megabytes() {
        String ticket = fileTicket(customer);
        byte[] tenMegabytes = new byte[TEN_MB];
        java.util.Arrays.fill(tenMegabytes, (byte) 'q');
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(upload(customer, "portal", "part-" + i + ".txt", "text/plain", tenMegabytes)
                    .id());
        }
        String eleventh = upload(customer, "portal", "part-10.txt", "text/plain", tenMegabytes)
                .id();

        List<String> eleven = new ArrayList<>(ten);
        eleven.add(eleventh);
        TestHttp.Response tooMany =
                http.post(customer, "/api/v1/portal/tickets/" + ticket + "/messages", reply(eleven));
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(413);

        TestHttp.Response full = http.post(customer, "/api/v1/portal/tickets/" + ticket + "/messages", reply(ten));
        assertThat(full.status()).as("exactly 100 MB fit: " + full.body()).isEqualTo(201);
        assertThat(full.json().get("attachments")).hasSize(10);

        TestHttp.Response overTicket =
                http.post(customer, "/api/v1/portal/tickets/" + ticket + "/messages", reply(List.of(eleventh)));
        assertThat(overTicket.status()).as(overTicket.body()).isEqualTo(413);
        assertThat(overTicket.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    // ---- who downloads what ----------------------------------------------------------------------------------------

    @Test
    void a_customer_gets_404_for_an_internal_note_s_file_another_customer_s_and_another_tenant_s() {
        String ticket = fileTicket(customer);
        String noteFile = upload(agent, "desk", "internal.txt", "text/plain", "staff only\n".getBytes())
                .id();
        String replyFile = upload(agent, "desk", "answer.txt", "text/plain", "for the customer\n".getBytes())
                .id();
        String unlinked = upload(customer, "portal", "mine.txt", "text/plain", "my draft\n".getBytes())
                .id();
        assertThat(http.post(agent, "/api/v1/tickets/" + ticket + "/messages", message("internal", noteFile))
                        .status())
                .isEqualTo(201);
        assertThat(http.post(agent, "/api/v1/tickets/" + ticket + "/messages", message("public", replyFile))
                        .status())
                .isEqualTo(201);

        Download missing = download(customer, "/api/v1/portal/attachments/" + java.util.UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        for (String hidden : List.of(noteFile)) {
            Download answer = download(customer, "/api/v1/portal/attachments/" + hidden);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.text()).isEqualTo(missing.text());
        }
        Download others = download(otherCustomer, "/api/v1/portal/attachments/" + replyFile);
        Download othersUpload = download(otherCustomer, "/api/v1/portal/attachments/" + unlinked);
        Download otherTenant = download(foreignAdmin, "/api/v1/attachments/" + replyFile);
        Download foreignMissing = download(foreignAdmin, "/api/v1/attachments/" + java.util.UUID.randomUUID());
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.text()).isEqualTo(missing.text());
        assertThat(othersUpload.status()).isEqualTo(404);
        assertThat(othersUpload.text()).isEqualTo(missing.text());
        assertThat(otherTenant.status()).isEqualTo(404);
        assertThat(otherTenant.text()).isEqualTo(foreignMissing.text());

        assertThat(download(customer, "/api/v1/portal/attachments/" + replyFile).status())
                .isEqualTo(200);
        assertThat(download(customer, "/api/v1/portal/attachments/" + unlinked).status())
                .isEqualTo(200);
        assertThat(download(agent, "/api/v1/attachments/" + noteFile).status()).isEqualTo(200);
        JsonNode portal = http.get(customer, "/api/v1/portal/tickets/" + ticket).json();
        assertThat(portal.toString()).doesNotContain(noteFile).contains(replyFile);
        assertThat(http.get(agent, "/api/v1/tickets/" + ticket).json().toString())
                .contains(noteFile)
                .contains(replyFile);
    }

    @Test
    void a_download_is_an_attachment_with_the_sniffed_type_and_nosniff() {
        String name = "Отчёт Q1 2026.pdf";
        String id = upload(customer, "portal", name, "text/html", AttachmentSamples.pdf())
                .id();

        Download pdf = download(customer, "/api/v1/portal/attachments/" + id);

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(pdf.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"_____ Q1 2026.pdf\"; filename*=UTF-8''"
                        + "%D0%9E%D1%82%D1%87%D1%91%D1%82%20Q1%202026.pdf");
        assertThat(pdf.header("Content-Security-Policy")).contains("sandbox");
        assertThat(pdf.bytes()).isEqualTo(AttachmentSamples.pdf());
    }

    @Test
    void a_portal_filing_keeps_its_screenshot_and_files_and_the_staff_see_them() {
        String shot = upload(customer, "portal", "screen.png", "image/png", AttachmentSamples.png())
                .id();
        String log = upload(customer, "portal", "console.log", "text/plain", "12:00 ERROR boom\n".getBytes())
                .id();
        TestHttp.Response filed = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Broken page\",\"description\":\"See the screenshot\",\"category\":\"bug\","
                        + "\"page_url\":\"https://app.example/x\",\"browser_info\":\"Firefox 140\",\"screenshot_id\":\""
                        + shot + "\",\"attachment_ids\":[\"" + log + "\"]}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String ticket = filed.json().get("id").asText();

        JsonNode staff = http.get(agent, "/api/v1/tickets/" + ticket).json();
        assertThat(staff.get("screenshot_id").asText()).isEqualTo(shot);
        assertThat(staff.get("page_url").asText()).isEqualTo("https://app.example/x");
        assertThat(staff.get("attachments").findValuesAsText("id")).containsExactlyInAnyOrder(shot, log);
        assertThat(filed.json().get("attachments").findValuesAsText("id")).containsExactlyInAnyOrder(shot, log);

        String notAnImage = upload(customer, "portal", "notes.txt", "text/plain", "words\n".getBytes())
                .id();
        TestHttp.Response refused = http.post(
                customer,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Another\",\"description\":\"x\",\"category\":\"bug\",\"screenshot_id\":\"" + notAnImage
                        + "\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("screenshot_id");
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static String fileTicket(String token) {
        TestHttp.Response filed = http.post(
                token,
                "/api/v1/portal/tickets",
                "{\"subject\":\"Files attached\",\"description\":\"See attachments\",\"category\":\"technical\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.json().get("id").asText();
    }

    private static String reply(List<String> ids) {
        return "{\"body\":\"Files\",\"attachment_ids\":["
                + ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",")) + "]}";
    }

    private static String message(String kind, String id) {
        return "{\"kind\":\"" + kind + "\",\"body\":\"With a file\",\"attachment_ids\":[\"" + id + "\"]}";
    }

    record Upload(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        String id() {
            assertThat(status).as(body).isEqualTo(201);
            return json().get("id").asText();
        }
    }

    record Download(int status, Map<String, List<String>> headers, String latin1) {
        byte[] bytes() {
            return latin1.getBytes(StandardCharsets.ISO_8859_1);
        }

        String text() {
            return latin1;
        }

        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Uploads {@code content} as the multipart field {@code file}, claiming {@code claimedType} for it. */
    private Upload upload(String token, String side, String name, String claimedType, byte[] content) {
        String path = side.equals("portal") ? "/api/v1/portal/attachments" : "/api/v1/attachments";
        TestHttp.Response response = http.upload(token, path, name, claimedType, content);
        return new Upload(response.status(), response.body());
    }

    private Download download(String token, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + desk.port() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        HttpResponse<String> response = send(request, StandardCharsets.ISO_8859_1);
        if (response.statusCode() >= 400) {
            OpenApiContract.check("GET", path, response);
        }
        return new Download(response.statusCode(), response.headers().map(), response.body());
    }

    private HttpResponse<String> send(HttpRequest request, java.nio.charset.Charset charset) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(charset));
        } catch (IOException e) {
            throw new IllegalStateException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.uri().toString(), e);
        }
    }

    private static void stream(OutputStream out, long total, AtomicLong sent) {
        byte[] data = new byte[64 * 1024];
        java.util.Arrays.fill(data, (byte) 'z');
        try {
            chunk(
                    out,
                    ("--B0UNDARY\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.txt\"\r\n"
                                    + "Content-Type: text/plain\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            while (sent.get() < total) {
                chunk(out, data);
                sent.addAndGet(data.length);
            }
            chunk(out, "\r\n--B0UNDARY--\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException cutOff) {
            // The server stopped reading and closed the connection: what the test expects.
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static List<Path> filesOnDisk() throws IOException {
        if (!Files.exists(files)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(files)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
