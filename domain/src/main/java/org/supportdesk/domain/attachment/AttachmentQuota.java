package org.supportdesk.domain.attachment;

import org.supportdesk.domain.tenant.AttachmentLimits;

/** The tenant's limits on a filing or message (§6): how many files it carries, and how full it makes the ticket. */
public final class AttachmentQuota {
    private AttachmentQuota() {}

    /**
     * Refuses a filing or message with more files than a message may carry, or whose files would take the ticket's
     * attachments past its total.
     *
     * @param files how many files the filing or message carries
     * @param ticketBytes the bytes already attached to the ticket
     * @param addedBytes the bytes of the files it carries
     * @throws PayloadTooLarge when either limit is passed
     */
    public static void requireRoom(AttachmentLimits limits, int files, long ticketBytes, long addedBytes) {
        if (files > limits.maxFilesPerMessage()) {
            throw new PayloadTooLarge("A message carries at most " + limits.maxFilesPerMessage() + " files");
        }
        if (ticketBytes + addedBytes > limits.maxTicketBytes()) {
            throw new PayloadTooLarge("A ticket holds at most " + limits.maxTicketBytes()
                    + " bytes of attachments; it has " + ticketBytes + " and these add " + addedBytes);
        }
    }
}
