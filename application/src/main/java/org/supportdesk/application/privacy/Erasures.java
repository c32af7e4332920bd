package org.supportdesk.application.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.application.attachment.UnusedContent;
import org.supportdesk.application.work.AdminWork;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.journal.FieldChange;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.journal.TargetKind;
import org.supportdesk.domain.port.AttachmentStore;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.privacy.Erasure;
import org.supportdesk.domain.privacy.JournalRedaction;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.TenantId;

/**
 * What every erasure does after the rows are redacted: inside the same transaction, journals itself under the id its
 * redactions are marked with (counts and the digest of the redacted entries, never what was erased); once that has
 * committed, removes the attachment bytes no attachment has any more.
 */
final class Erasures {
    private final AdminWork work;
    private final Attachments attachments;
    private final AttachmentStore files;
    private final UnusedContent unusedContent;

    Erasures(AdminWork work, Attachments attachments, AttachmentStore files, UnusedContent unusedContent) {
        this.work = work;
        this.attachments = attachments;
        this.files = files;
        this.unusedContent = unusedContent;
    }

    /**
     * Journals {@code erasure} inside its transaction, and makes sure the empty content its erased attachments now
     * have is stored before they commit.
     */
    void record(UUID entryId, Actor actor, JournalAction action, TargetKind kind, UUID target, Erasure erasure) {
        work.record(
                entryId,
                actor,
                action,
                kind,
                target,
                List.of(
                        FieldChange.of("tickets", null, erasure.tickets()),
                        FieldChange.of("messages", null, erasure.messages()),
                        FieldChange.of("attachments", null, erasure.attachments()),
                        FieldChange.of("journal_entries", null, erasure.journalEntries()),
                        FieldChange.of("change_events", null, erasure.changeEvents()),
                        FieldChange.of("deliveries", null, erasure.deliveries()),
                        FieldChange.of("notifications", null, erasure.notifications()),
                        FieldChange.of(
                                JournalRedaction.REDACTED_ENTRIES_FIELD, null, erasure.redactedEntriesDigest())));
        if (!erasure.releasedContent().isEmpty()) {
            keepEmptyContent(actor.tenant());
        }
    }

    /** Under the lock on the empty content, as an upload keeps its bytes, so no removal of it runs meanwhile. */
    private void keepEmptyContent(TenantId tenant) {
        attachments.lockContent(tenant, ContentDigest.EMPTY);
        Optional<InputStream> stored = files.open(tenant, ContentDigest.EMPTY);
        if (stored.isEmpty()) {
            files.keep(files.stage(tenant, InputStream.nullInputStream(), 0));
            return;
        }
        try {
            stored.get().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After {@code erasure} committed: removes the bytes it let go of that no attachment of {@code tenant} has. */
    void removeUnusedContent(TenantId tenant, Erasure erasure) {
        unusedContent.remove(tenant, erasure.releasedContent());
    }
}
