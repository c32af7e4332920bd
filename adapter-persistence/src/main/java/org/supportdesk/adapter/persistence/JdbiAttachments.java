package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentLink;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** What is known about attachments, in {@code attachments}; the bytes are in an {@code AttachmentStore}. */
public final class JdbiAttachments implements Attachments {
    private final TenantScope scope;

    JdbiAttachments(TenantScope scope) {
        this.scope = scope;
    }

    @Override
    public void add(Attachment attachment) {
        dao(attachment.tenant()).insert(AttachmentRow.from(attachment));
    }

    @Override
    public Optional<Attachment> find(TenantId tenant, AttachmentId id) {
        return dao(tenant).find(tenant.value(), id.value()).map(AttachmentRow::toDomain);
    }

    @Override
    public boolean link(TenantId tenant, AttachmentId id, AttachmentLink link) {
        return dao(tenant)
                        .link(
                                tenant.value(),
                                id.value(),
                                link.ticket().value(),
                                link.message().map(MessageId::value).orElse(null),
                                link.linkedAt())
                == 1;
    }

    @Override
    public List<Attachment> ofTicket(TenantId tenant, TicketId ticket) {
        return dao(tenant).ofTicket(tenant.value(), ticket.value()).stream()
                .map(AttachmentRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public void moveWithMessages(TenantId tenant, List<MessageId> messages, TicketId to) {
        dao(tenant)
                .moveWithMessages(
                        tenant.value(), messages.stream().map(MessageId::value).toArray(UUID[]::new), to.value());
    }

    @Override
    public List<Attachment> unlinkedBefore(TenantId tenant, Instant cutoff, int limit) {
        return dao(tenant).unlinkedBefore(tenant.value(), cutoff, limit).stream()
                .map(AttachmentRow::toDomain)
                .collect(Collectors.toList());
    }

    @Override
    public boolean removeUnlinked(TenantId tenant, AttachmentId id) {
        return dao(tenant).deleteUnlinked(tenant.value(), id.value()) == 1;
    }

    @Override
    public boolean contentInUse(TenantId tenant, ContentDigest digest) {
        return dao(tenant).contentInUse(tenant.value(), digest.hex());
    }

    @Override
    public void lockContent(TenantId tenant, ContentDigest digest) {
        dao(tenant).lockContent(tenant.value(), digest.hex());
    }

    private AttachmentDao dao(TenantId tenant) {
        return scope.dao(tenant, AttachmentDao.class);
    }
}
