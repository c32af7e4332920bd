package org.supportdesk.application.privacy;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.UUID;
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
 * What every erasure does after the rows are redacted, inside the same transaction: journals itself under the id its
 * redactions are marked with (counts and the digest of the redacted entries, never what was erased), and lets go of
 * the attachment bytes no attachment has any more.
 */
final class Erasures {
    private final AdminWork work;
    private final Attachments attachments;
    private final AttachmentStore files;

    Erasures(AdminWork work, Attachments attachments, AttachmentStore files) {
        this.work = work;
        this.attachments = attachments;
        this.files = files;
    }

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
        release(actor.tenant(), erasure.releasedContent());
    }

    /**
     * Removes the bytes of {@code released} that no attachment has any more, each under the lock on its bytes as the
     * purge of unlinked uploads does; and makes sure the empty content erased attachments now have is stored.
     */
    private void release(TenantId tenant, Set<ContentDigest> released) {
        if (released.isEmpty()) {
            return;
        }
        if (files.open(tenant, ContentDigest.EMPTY).isEmpty()) {
            files.keep(files.stage(tenant, InputStream.nullInputStream(), 0));
        }
        for (ContentDigest digest : released) {
            attachments.lockContent(tenant, digest);
            if (!attachments.contentInUse(tenant, digest)) {
                files.remove(tenant, digest);
            }
        }
    }
}
