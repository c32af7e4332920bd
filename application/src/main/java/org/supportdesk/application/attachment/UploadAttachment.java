package org.supportdesk.application.attachment;

import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentType;
import org.supportdesk.domain.attachment.FileName;
import org.supportdesk.domain.attachment.UnsupportedMediaType;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.ContentSniffer;
import org.supportdesk.domain.port.IdGenerator;
import org.supportdesk.domain.port.StagedContent;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.problem.Forbidden;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.visibility.AttachmentView;

/**
 * A customer or staff member uploads a file to attach later (§6). The bytes stream to staging, counted against the
 * tenant's file limit as they come (413 past it, with nothing left behind), their type is sniffed from the bytes (415
 * unless it is on the allow-list), then they are kept under their SHA-256 and the upload is recorded, unlinked, for
 * its uploader alone. No transaction is open while the bytes stream.
 */
public final class UploadAttachment {
    public record Command(Actor actor, IncomingFile file) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(file, "file");
        }
    }

    private final Attachments attachments;
    private final AttachmentStore files;
    private final ContentSniffer sniffer;
    private final TenantConfiguration configuration;
    private final TransactionRunner transactions;
    private final IdGenerator ids;
    private final InstantSource clock;

    public UploadAttachment(
            Attachments attachments,
            AttachmentStore files,
            ContentSniffer sniffer,
            TenantConfiguration configuration,
            TransactionRunner transactions,
            IdGenerator ids,
            InstantSource clock) {
        this.attachments = attachments;
        this.files = files;
        this.sniffer = sniffer;
        this.configuration = configuration;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    public AttachmentView handle(Command command) {
        Actor actor = command.actor();
        TenantId tenant = actor.tenant();
        UserId uploader = actor.asAuthor().id().orElseThrow(() -> new Forbidden("files are uploaded by people"));
        AttachmentLimits limits = transactions.inTransaction(
                tenant, () -> configuration.settings(tenant).attachmentLimits());
        IncomingFile.Received received = command.file().receive(limits.maxFileBytes());
        FileName name = FileName.sanitise(received.fileName().orElse(null));
        try (StagedContent staged = files.stage(tenant, received.content(), limits.maxFileBytes())) {
            if (staged.size() == 0) {
                throw ValidationFailed.of("file", "is empty");
            }
            String sniffed = sniffer.sniff(staged, name);
            AttachmentType type = AttachmentType.ofMediaType(sniffed)
                    .orElseThrow(() -> new UnsupportedMediaType("Files of type " + sniffed
                            + " are not accepted; send an image, PDF, text, CSV, log, JSON, zip or office document"));
            Attachment upload = new Attachment(
                    new AttachmentId(ids.newId()),
                    tenant,
                    uploader,
                    name,
                    type,
                    staged.size(),
                    staged.digest(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    Optional.empty());
            transactions.inTransaction(tenant, () -> {
                // The lock keeps a concurrent purge of the same bytes from deleting them under this upload.
                attachments.lockContent(tenant, upload.digest());
                attachments.add(upload);
                files.keep(staged);
                return null;
            });
            return AttachmentView.of(upload);
        }
    }
}
