package org.supportdesk.application.attachment;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.domain.attachment.Attachment;
import org.supportdesk.domain.attachment.AttachmentLink;
import org.supportdesk.domain.attachment.AttachmentQuota;
import org.supportdesk.domain.port.Attachments;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.AttachmentLimits;
import org.supportdesk.domain.ticket.AttachmentId;
import org.supportdesk.domain.ticket.MessageId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * How a filing or a message takes the uploads it names (§6), in the caller's transaction: first {@link #claim} checks
 * them (the actor's own, unlinked, younger than a day, each named once, no more than a message may carry, a screenshot
 * an image) before anything changes; then, once the ticket or message is recorded, {@link #attach} links them, unless
 * they would take the ticket past its total, and answers them linked.
 */
public final class AttachmentLinks {
    /** The field a filing or message names its uploads in, and the one a filing names its screenshot in. */
    public static final String FIELD = "attachment_ids";

    public static final String SCREENSHOT_FIELD = "screenshot_id";

    /** Uploads checked and ready to link: those named in {@link #FIELD}, then the screenshot, if any. */
    public record Claim(Actor actor, List<Attachment> uploads) {
        public Claim {
            Objects.requireNonNull(actor, "actor");
            uploads = List.copyOf(uploads);
        }
    }

    private final Attachments attachments;
    private final TenantConfiguration configuration;
    private final InstantSource clock;

    public AttachmentLinks(Attachments attachments, TenantConfiguration configuration, InstantSource clock) {
        this.attachments = attachments;
        this.configuration = configuration;
        this.clock = clock;
    }

    /**
     * Checks the uploads a filing or message names.
     *
     * @throws ValidationFailed naming {@link #FIELD} or {@link #SCREENSHOT_FIELD} for an id that is not an upload of
     *     the actor's that may still be linked (said the same for a missing one), named twice, or a screenshot that is
     *     not an image
     * @throws org.supportdesk.domain.attachment.PayloadTooLarge for more files than a message may carry
     */
    public Claim claim(Actor actor, List<AttachmentId> ids, Optional<AttachmentId> screenshot) {
        if (ids.isEmpty() && screenshot.isEmpty()) {
            return new Claim(actor, List.of());
        }
        Instant now = clock.instant();
        Set<AttachmentId> seen = new HashSet<>();
        List<Attachment> uploads = new ArrayList<>();
        for (AttachmentId id : ids) {
            if (!seen.add(id)) {
                throw ValidationFailed.of(FIELD, "names upload " + id + " twice");
            }
            uploads.add(linkable(actor, id, now, FIELD));
        }
        if (screenshot.isPresent()) {
            if (!seen.add(screenshot.get())) {
                throw ValidationFailed.of(SCREENSHOT_FIELD, "is also in " + FIELD);
            }
            Attachment image = linkable(actor, screenshot.get(), now, SCREENSHOT_FIELD);
            if (!image.type().isImage()) {
                throw ValidationFailed.of(SCREENSHOT_FIELD, "must be an image: png, jpeg, gif or webp");
            }
            uploads.add(image);
        }
        AttachmentQuota.requireRoom(limits(actor), uploads.size(), 0, 0);
        return new Claim(actor, uploads);
    }

    /**
     * Links the claimed uploads to {@code ticket} ({@code message} empty: filed with it), checking the ticket's total
     * first, and answers them linked.
     *
     * @throws org.supportdesk.domain.attachment.PayloadTooLarge when they would take the ticket past its total
     * @throws ValidationFailed naming {@link #FIELD} when another request linked one of them meanwhile
     */
    public List<Attachment> attach(Claim claim, TicketId ticket, Optional<MessageId> message) {
        if (claim.uploads().isEmpty()) {
            return List.of();
        }
        Actor actor = claim.actor();
        long held = attachments.ofTicket(actor.tenant(), ticket).stream()
                .mapToLong(Attachment::size)
                .sum();
        long added = claim.uploads().stream().mapToLong(Attachment::size).sum();
        AttachmentQuota.requireRoom(limits(actor), claim.uploads().size(), held, added);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Attachment> linked = new ArrayList<>();
        for (Attachment upload : claim.uploads()) {
            if (!attachments.link(actor.tenant(), upload.id(), new AttachmentLink(ticket, message, at))) {
                throw ValidationFailed.of(FIELD, "upload " + upload.id() + " was linked elsewhere meanwhile");
            }
            linked.add(upload.linkedTo(ticket, message, at));
        }
        return linked;
    }

    private Attachment linkable(Actor actor, AttachmentId id, Instant now, String field) {
        return attachments
                .find(actor.tenant(), id)
                .filter(upload -> upload.linkableBy(actor, now))
                .orElseThrow(() -> ValidationFailed.of(
                        field, "names no upload of yours that is unlinked and younger than a day: " + id));
    }

    private AttachmentLimits limits(Actor actor) {
        return configuration.settings(actor.tenant()).attachmentLimits();
    }
}
