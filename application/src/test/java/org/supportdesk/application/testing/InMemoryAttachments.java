package org.supportdesk.application.testing;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentLink;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/** What is known about attachments, in a map; transactions run one at a time, so the content lock needs no lock. */
public final class InMemoryAttachments implements Attachments, Snapshotting {
    private final TenantBinding binding;
    private Map<AttachmentId, Attachment> attachments = new LinkedHashMap<>();

    public InMemoryAttachments(TenantBinding binding) {
        this.binding = binding;
    }

    @Override
    public synchronized void add(Attachment attachment) {
        binding.require(attachment.tenant());
        if (attachments.containsKey(attachment.id())) {
            throw new IllegalStateException("already known: " + attachment.id());
        }
        attachments.put(attachment.id(), attachment);
    }

    @Override
    public synchronized Optional<Attachment> find(TenantId tenant, AttachmentId id) {
        binding.require(tenant);
        return Optional.ofNullable(attachments.get(id)).filter(a -> a.tenant().equals(tenant));
    }

    @Override
    public synchronized boolean link(TenantId tenant, AttachmentId id, AttachmentLink link) {
        binding.require(tenant);
        Optional<Attachment> upload = find(tenant, id).filter(a -> !a.isLinked());
        upload.ifPresent(a -> attachments.put(id, a.linkedTo(link.ticket(), link.message(), link.linkedAt())));
        return upload.isPresent();
    }

    @Override
    public synchronized void moveWithMessages(TenantId tenant, List<MessageId> messages, TicketId to) {
        binding.require(tenant);
        attachments.replaceAll((id, a) -> a.tenant().equals(tenant)
                        && a.link()
                                .flatMap(AttachmentLink::message)
                                .filter(messages::contains)
                                .isPresent()
                ? new Attachment(
                        a.id(),
                        a.tenant(),
                        a.uploader(),
                        a.fileName(),
                        a.type(),
                        a.size(),
                        a.digest(),
                        a.uploadedAt(),
                        a.link().map(l -> new AttachmentLink(to, l.message(), l.linkedAt())))
                : a);
    }

    @Override
    public synchronized List<Attachment> ofTicket(TenantId tenant, TicketId ticket) {
        binding.require(tenant);
        return attachments.values().stream()
                .filter(a -> a.tenant().equals(tenant)
                        && a.link().map(l -> l.ticket().equals(ticket)).orElse(false))
                .sorted(Comparator.comparing((Attachment a) -> a.link().get().linkedAt())
                        .thenComparing(a -> a.id().value()))
                .collect(Collectors.toList());
    }

    @Override
    public synchronized List<Attachment> unlinkedBefore(TenantId tenant, Instant cutoff, int limit) {
        binding.require(tenant);
        return attachments.values().stream()
                .filter(a -> a.tenant().equals(tenant)
                        && !a.isLinked()
                        && a.uploadedAt().isBefore(cutoff))
                .sorted(Comparator.comparing(Attachment::uploadedAt).thenComparing(a -> a.id().value()))
                .limit(limit)
                .collect(Collectors.toList());
    }

    @Override
    public synchronized boolean removeUnlinked(TenantId tenant, AttachmentId id) {
        binding.require(tenant);
        boolean unlinked = find(tenant, id).filter(a -> !a.isLinked()).isPresent();
        if (unlinked) {
            attachments.remove(id);
        }
        return unlinked;
    }

    @Override
    public synchronized boolean contentInUse(TenantId tenant, ContentDigest digest) {
        binding.require(tenant);
        return attachments.values().stream()
                .anyMatch(a -> a.tenant().equals(tenant) && a.digest().equals(digest));
    }

    @Override
    public void lockContent(TenantId tenant, ContentDigest digest) {
        binding.require(tenant); // in-memory transactions are serial: holding the transaction is holding the lock
    }

    @Override
    public synchronized Object snapshot() {
        return new LinkedHashMap<>(attachments);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        attachments = (Map<AttachmentId, Attachment>) snapshot;
    }
}
