package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.attachment.IncomingFile;
import org.supportdesk.application.attachment.PurgeUnlinkedUploads;
import org.supportdesk.application.attachment.UploadAttachment;
import org.supportdesk.application.privacy.ErasePerson;
import org.supportdesk.application.testing.TenantFixture;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.visibility.AttachmentView;

/**
 * Attachment bytes are not transactional, so the work that lets go of them removes them only once its transaction has
 * committed: an erasure or a purge whose commit fails leaves every file its rows still name. The commit is made to
 * fail for real, by a deferred constraint trigger that raises at {@code COMMIT} for this test's tenant only, after
 * everything the use case does has run.
 */
@ExtendWith(PostgresExtension.class)
class AttachmentBytesAfterCommitTest {
    private static final byte[] PASSPORT = "Scan of my passport\n".getBytes(StandardCharsets.UTF_8);

    private final TestDatabase database;
    private final JdbiSupportdesk core;
    private final TenantFixture tenant;

    AttachmentBytesAfterCommitTest(TestDatabase database) {
        this.database = database;
        this.core = new JdbiSupportdesk(database);
        this.tenant = core.newTenant();
    }

    @AfterEach
    void commit_normally_again() throws SQLException {
        execute("DROP TRIGGER IF EXISTS fail_at_commit ON journal");
        execute("DROP TRIGGER IF EXISTS fail_at_commit ON attachments");
    }

    @Test
    void an_erasure_whose_commit_fails_keeps_the_bytes_its_attachments_still_have() throws SQLException {
        AttachmentView passport = upload("passport.txt", PASSPORT);
        core.useCases
                .portal()
                .fileTicket()
                .handle(JdbiSupportdesk.filing(
                        tenant.customerActor(), "My passport, attached", List.of(passport.id()), Optional.empty()));
        failCommitsThatTouch("journal", "INSERT");

        assertThatThrownBy(this::erase).rootCause().hasMessageContaining("commit refused by the test");

        assertThat(stored(passport.digest()))
                .as("the bytes the rolled-back erasure let go of")
                .contains(PASSPORT);
        assertThat(core.unrestrictedCount(
                        "SELECT count(*) FROM attachments WHERE tenant_id = ? AND sha256 = ?",
                        tenant.tenant.value(),
                        passport.digest().hex()))
                .as("the attachment still names them")
                .isEqualTo(1);

        commit_normally_again();
        assertThat(erase().erasure().attachments()).isEqualTo(1);
        assertThat(stored(passport.digest()))
                .as("removed once the erasure committed")
                .isEmpty();
        assertThat(stored(ContentDigest.EMPTY))
                .as("what the erased attachment has now")
                .contains(new byte[0]);
    }

    @Test
    void a_purge_whose_commit_fails_keeps_the_bytes_of_the_upload_it_did_not_remove() throws SQLException {
        AttachmentView forgotten = upload("forgotten.txt", PASSPORT);
        core.clock.advance(Duration.ofHours(25));
        failCommitsThatTouch("attachments", "DELETE");

        assertThatThrownBy(this::purge).rootCause().hasMessageContaining("commit refused by the test");

        assertThat(stored(forgotten.digest())).contains(PASSPORT);

        commit_normally_again();
        assertThat(purge()).isEqualTo(1);
        assertThat(stored(forgotten.digest())).isEmpty();
    }

    private ErasePerson.Erased erase() {
        return core.useCases
                .admin()
                .erasePerson()
                .handle(new ErasePerson.Command(tenant.adminActor(), tenant.customer.id()));
    }

    private int purge() {
        return core.useCases
                .scheduled()
                .purgeUnlinkedUploads()
                .handle(new PurgeUnlinkedUploads.Command(tenant.tenant, 10));
    }

    private AttachmentView upload(String name, byte[] bytes) {
        return core.useCases
                .portal()
                .uploadAttachment()
                .handle(new UploadAttachment.Command(
                        tenant.customerActor(),
                        limit -> new IncomingFile.Received(Optional.of(name), new ByteArrayInputStream(bytes))));
    }

    private Optional<byte[]> stored(ContentDigest digest) {
        return core.attachmentFiles.open(tenant.tenant, digest).map(content -> {
            try (InputStream in = content) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Makes every commit of this tenant that has run {@code operation} on {@code table} fail. */
    private void failCommitsThatTouch(String table, String operation) throws SQLException {
        String row = operation.equals("DELETE") ? "OLD" : "NEW";
        execute("CREATE OR REPLACE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF " + row + ".tenant_id = '" + tenant.tenant.value() + "' THEN"
                + " RAISE EXCEPTION 'commit refused by the test'; END IF; RETURN NULL; END $$");
        execute("CREATE CONSTRAINT TRIGGER fail_at_commit AFTER " + operation + " ON " + table
                + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION fail_at_commit()");
    }

    private void execute(String sql) throws SQLException {
        try (Connection owner = database.unrestrictedConnection();
                Statement statement = owner.createStatement()) {
            statement.execute(sql);
        }
    }
}
