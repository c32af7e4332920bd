package org.supportdesk.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentLink;
import org.supportdesk.domain.attachment.AttachmentType;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.attachment.FileName;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * What a store of attachment metadata must do, whatever holds it: find only in its tenant, link an upload once, list a
 * ticket's files and the old unlinked uploads, remove an upload only while it is unlinked, and tell whether bytes are
 * still in use. An adapter's test extends this and supplies the store.
 */
public abstract class AttachmentsContract {
    private final UUID run = UUID.randomUUID();
    protected final TenantFixture acme = new TenantFixture("acme-" + run);
    protected final TenantFixture globex = new TenantFixture("globex-" + run);
    private final Instant t0 = Instant.parse("2026-03-02T09:00:00.123456Z");

    protected abstract Attachments attachments();

    protected abstract TransactionRunner transactions();

    /** Makes the tenant, its organisation and its people known to the stores. */
    protected abstract void givenTenant(TenantFixture tenant);

    /** A ticket of the tenant's customer, stored. */
    protected abstract TicketId aTicketOf(TenantFixture tenant);

    @BeforeEach
    void knowBothTenants() {
        givenTenant(acme);
        givenTenant(globex);
    }

    @Test
    void an_upload_is_found_in_its_tenant_and_nowhere_else() {
        Attachment upload = upload(acme, acme.customer, "11", t0);
        in(acme, () -> {
            attachments().add(upload);
            return null;
        });

        assertThat(in(acme, () -> attachments().find(acme.tenant, upload.id()))).contains(upload);
        assertThat(in(globex, () -> attachments().find(globex.tenant, upload.id())))
                .isEmpty();
    }

    @Test
    void an_upload_is_linked_once_and_then_listed_with_its_ticket() {
        TicketId ticket = aTicketOf(acme);
        Attachment upload = upload(acme, acme.customer, "22", t0);
        in(acme, () -> {
            attachments().add(upload);
            return null;
        });
        AttachmentLink link = new AttachmentLink(ticket, Optional.empty(), t0.plusSeconds(60));

        assertThat(in(acme, () -> attachments().link(acme.tenant, upload.id(), link)))
                .isTrue();
        assertThat(in(acme, () -> attachments().link(acme.tenant, upload.id(), link)))
                .isFalse();
        assertThat(in(acme, () -> attachments().ofTicket(acme.tenant, ticket)))
                .containsExactly(upload.linkedTo(ticket, Optional.empty(), t0.plusSeconds(60)));
        assertThat(in(acme, () -> attachments().removeUnlinked(acme.tenant, upload.id())))
                .as("a linked attachment stays")
                .isFalse();
        assertThat(in(acme, () -> attachments().find(acme.tenant, upload.id()))).isPresent();
    }

    @Test
    void old_unlinked_uploads_are_listed_oldest_first_and_removed_with_their_bytes_still_counted_elsewhere() {
        TicketId ticket = aTicketOf(acme);
        Attachment oldest = upload(acme, acme.customer, "33", t0);
        Attachment older = upload(acme, acme.agent, "33", t0.plusSeconds(1));
        Attachment linked = upload(acme, acme.customer, "44", t0.plusSeconds(2));
        Attachment fresh = upload(acme, acme.customer, "55", t0.plus(Duration.ofHours(30)));
        Attachment foreign = upload(globex, globex.customer, "33", t0);
        in(acme, () -> {
            attachments().add(older);
            attachments().add(oldest);
            attachments().add(linked);
            attachments().add(fresh);
            attachments().link(acme.tenant, linked.id(), new AttachmentLink(ticket, Optional.empty(), t0));
            return null;
        });
        in(globex, () -> {
            attachments().add(foreign);
            return null;
        });
        Instant cutoff = t0.plus(Duration.ofHours(25));

        assertThat(in(acme, () -> attachments().unlinkedBefore(acme.tenant, cutoff, 10)))
                .extracting(Attachment::id)
                .containsExactly(oldest.id(), older.id());
        assertThat(in(acme, () -> attachments().unlinkedBefore(acme.tenant, cutoff, 1)))
                .extracting(Attachment::id)
                .containsExactly(oldest.id());

        assertThat(in(acme, () -> attachments().removeUnlinked(acme.tenant, oldest.id())))
                .isTrue();
        assertThat(in(acme, () -> attachments().contentInUse(acme.tenant, oldest.digest())))
                .as("the other upload of the same bytes")
                .isTrue();
        assertThat(in(acme, () -> attachments().removeUnlinked(acme.tenant, older.id())))
                .isTrue();
        assertThat(in(acme, () -> attachments().contentInUse(acme.tenant, oldest.digest())))
                .isFalse();
        assertThat(in(globex, () -> attachments().contentInUse(globex.tenant, oldest.digest())))
                .as("another tenant's bytes are its own")
                .isTrue();
        in(acme, () -> {
            attachments().lockContent(acme.tenant, oldest.digest());
            return null;
        });
    }

    private Attachment upload(TenantFixture tenant, Person uploader, String digestPattern, Instant at) {
        return new Attachment(
                new AttachmentId(UUID.randomUUID()),
                tenant.tenant,
                uploader.id(),
                FileName.sanitise("report.pdf"),
                AttachmentType.PDF,
                1234,
                new ContentDigest(digestPattern.repeat(32)),
                at.truncatedTo(ChronoUnit.MICROS),
                Optional.empty());
    }

    private <T> T in(TenantFixture tenant, Supplier<T> work) {
        return transactions().inTransaction(tenant.tenant, work);
    }
}
