package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.application.testing.AttachmentSamples;
import org.supportdesk.domain.attachment.AttachmentType;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.attachment.FileName;
import org.supportdesk.domain.attachment.PayloadTooLarge;
import org.supportdesk.domain.port.StagedContent;
import org.supportdesk.domain.tenant.TenantId;

/** The local attachment store and the Tika sniffer, on real files (RELIABILITY S6). */
class AttachmentFilesTest {
    private static final long TEN_MB = 10L * 1024 * 1024;

    @TempDir
    Path root;

    private final TenantId tenant = new TenantId(UUID.randomUUID());
    private final TikaContentSniffer sniffer = new TikaContentSniffer();

    private LocalAttachmentStore store() {
        return LocalAttachmentStore.under(root);
    }

    private String sniff(byte[] bytes, String name) {
        try (StagedContent staged = store().stage(tenant, new ByteArrayInputStream(bytes), TEN_MB)) {
            return sniffer.sniff(staged, FileName.sanitise(name));
        }
    }

    @Test
    void files_on_the_allow_list_are_what_their_bytes_say() {
        assertThat(sniff(AttachmentSamples.png(), "shot.png")).isEqualTo("image/png");
        assertThat(sniff(AttachmentSamples.png(), "named-wrong.pdf")).isEqualTo("image/png");
        assertThat(sniff(AttachmentSamples.gif(), "a.gif")).isEqualTo("image/gif");
        assertThat(sniff(AttachmentSamples.jpeg(), "a.jpg")).isEqualTo("image/jpeg");
        assertThat(sniff(AttachmentSamples.pdf(), "invoice.pdf")).isEqualTo("application/pdf");
        assertThat(sniff(AttachmentSamples.text("just words\n"), "notes.txt")).isEqualTo("text/plain");
        assertThat(sniff(AttachmentSamples.text("a,b\n1,2\n"), "data.csv")).isEqualTo("text/csv");
        assertThat(sniff(AttachmentSamples.text("12:00 INFO started\n"), "app.log"))
                .isEqualTo("text/x-log");
        assertThat(sniff(AttachmentSamples.text("{\"a\":1}\n"), "data.json")).isEqualTo("application/json");
        byte[] zip = AttachmentSamples.nestedZipBomb(16L << 20);
        assertThat(sniff(zip, "logs.zip")).isEqualTo("application/zip");
        assertThat(AttachmentType.ofMediaType(sniff(zip, "report.docx"))).contains(AttachmentType.DOCX);
    }

    @Test
    void an_executable_markup_a_script_or_a_polyglot_is_never_an_image_whatever_its_name() {
        List<String> refused = List.of(
                sniff(AttachmentSamples.exe(), "cat.png"),
                sniff(AttachmentSamples.html(), "cat.png"),
                sniff(AttachmentSamples.svg(), "cat.svg"),
                sniff(AttachmentSamples.svg(), "cat.png"),
                sniff(AttachmentSamples.gifJavaScriptPolyglot(), "cat.gif"),
                sniff(AttachmentSamples.text("alert(document.domain)\n"), "evil.js"));

        assertThat(refused)
                .allSatisfy(type ->
                        assertThat(AttachmentType.ofMediaType(type)).as(type).isEmpty());
        assertThat(refused.get(4)).isEqualTo(TikaContentSniffer.UNKNOWN);
    }

    @Test
    void a_zip_bomb_is_stored_byte_for_byte_and_sniffing_reads_only_its_first_bytes() throws IOException {
        byte[] bomb = AttachmentSamples.nestedZipBomb(4096L << 20);
        assertThat(bomb.length).isLessThan(50 * 1024);
        assertThat(AttachmentSamples.declaredSize(bomb)).as("the inner zip").isGreaterThan(bomb.length * 100L);
        LocalAttachmentStore store = store();
        AtomicLong read = new AtomicLong();

        try (StagedContent staged = store.stage(tenant, new ByteArrayInputStream(bomb), TEN_MB)) {
            String type = sniffer.sniff(counting(staged, read), FileName.sanitise("bomb.zip"));
            assertThat(type).isEqualTo("application/zip");
            store.keep(staged);
        }

        assertThat(read.get()).as("bytes the sniffer read").isLessThanOrEqualTo(128 * 1024);
        try (InputStream kept = store.open(tenant, digestOf(bomb)).orElseThrow()) {
            assertThat(kept.readAllBytes()).isEqualTo(bomb);
        }
    }

    @Test
    void exactly_the_limit_is_kept_and_one_byte_more_is_refused_leaving_nothing_behind() throws IOException {
        LocalAttachmentStore store = store();
        byte[] limit = new byte[(int) TEN_MB];
        try (StagedContent staged = store.stage(tenant, new ByteArrayInputStream(limit), TEN_MB)) {
            assertThat(staged.size()).isEqualTo(TEN_MB);
            store.keep(staged);
        }
        assertThat(files()).hasSize(1);

        assertThatThrownBy(() -> store.stage(tenant, new ByteArrayInputStream(new byte[(int) TEN_MB + 1]), TEN_MB))
                .isInstanceOf(PayloadTooLarge.class);
        assertThat(files()).as("only the kept file").hasSize(1);
    }

    @Test
    void a_stream_twenty_times_the_limit_is_cut_off_one_byte_past_it() throws IOException {
        AtomicLong read = new AtomicLong();
        InputStream huge = AttachmentSamples.generated(200L * 1024 * 1024, read);

        assertThatThrownBy(() -> store().stage(tenant, huge, TEN_MB)).isInstanceOf(PayloadTooLarge.class);
        assertThat(read.get()).isEqualTo(TEN_MB + 1);
        assertThat(files()).isEmpty();
    }

    @Test
    void the_same_bytes_are_stored_once_under_the_tenant_named_by_their_digest_only() throws IOException {
        LocalAttachmentStore store = store();
        byte[] png = AttachmentSamples.png();
        for (int i = 0; i < 2; i++) {
            try (StagedContent staged = store.stage(tenant, new ByteArrayInputStream(png), TEN_MB)) {
                store.keep(staged);
            }
        }
        ContentDigest digest = digestOf(png);
        Path expected = root.resolve(tenant.value().toString())
                .resolve("sha256")
                .resolve(digest.hex().substring(0, 2))
                .resolve(digest.hex().substring(2, 4))
                .resolve(digest.hex());

        assertThat(files()).containsExactly(expected);
        assertThat(store.open(new TenantId(UUID.randomUUID()), digest))
                .as("another tenant's")
                .isEmpty();
        store.remove(tenant, digest);
        assertThat(store.open(tenant, digest)).isEmpty();
    }

    @Test
    void what_a_crash_left_in_staging_is_discarded_once_it_is_old() throws IOException {
        Path staging = root.resolve(tenant.value().toString()).resolve("staging");
        Files.createDirectories(staging);
        Path leftover = Files.write(staging.resolve("upload-crashed.part"), new byte[] {1, 2, 3});

        assertThat(store().discardStagedBefore(tenant, Instant.now().minusSeconds(3600)))
                .isZero();
        assertThat(store().discardStagedBefore(tenant, Instant.now().plusSeconds(1)))
                .isEqualTo(1);
        assertThat(leftover).doesNotExist();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static ContentDigest digestOf(byte[] bytes) {
        try {
            return new ContentDigest(HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The staged content, counting every byte anyone reads of it. */
    private static StagedContent counting(StagedContent staged, AtomicLong read) {
        return new StagedContent() {
            @Override
            public TenantId tenant() {
                return staged.tenant();
            }

            @Override
            public ContentDigest digest() {
                return staged.digest();
            }

            @Override
            public long size() {
                return staged.size();
            }

            @Override
            public InputStream open() {
                return new FilterInputStream(staged.open()) {
                    @Override
                    public int read() throws IOException {
                        int b = super.read();
                        if (b >= 0) {
                            read.incrementAndGet();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = super.read(b, off, len);
                        if (n > 0) {
                            read.addAndGet(n);
                        }
                        return n;
                    }
                };
            }

            @Override
            public void close() {
                staged.close();
            }
        };
    }
}
