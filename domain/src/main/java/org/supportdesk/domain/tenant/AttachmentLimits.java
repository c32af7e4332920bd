package org.supportdesk.domain.tenant;

/**
 * How much a tenant accepts in attachments (§6): the largest file, the most files one filing or message carries, and
 * the most bytes one ticket holds in all. Sizes are in bytes; a megabyte here is 1,048,576 bytes.
 */
public record AttachmentLimits(long maxFileBytes, int maxFilesPerMessage, long maxTicketBytes) {
    public static final long MEGABYTE = 1024L * 1024L;
    /** The defaults of §6: 10 MB a file, 10 files a message, 100 MB a ticket. */
    public static final AttachmentLimits DEFAULTS = new AttachmentLimits(10 * MEGABYTE, 10, 100 * MEGABYTE);
    /** The most an admin may allow for one file: uploads are staged on disk, never in memory, but disks end too. */
    public static final long CEILING_FILE_BYTES = 1024 * MEGABYTE;
    /** The most files an admin may allow on one message. */
    public static final int CEILING_FILES_PER_MESSAGE = 100;
    /** The most an admin may allow for one ticket. */
    public static final long CEILING_TICKET_BYTES = 10 * 1024 * MEGABYTE;

    public AttachmentLimits {
        if (maxFileBytes < 1 || maxFileBytes > CEILING_FILE_BYTES) {
            throw new IllegalArgumentException("max_file_bytes must be 1 to " + CEILING_FILE_BYTES);
        }
        if (maxFilesPerMessage < 1 || maxFilesPerMessage > CEILING_FILES_PER_MESSAGE) {
            throw new IllegalArgumentException("max_files_per_message must be 1 to " + CEILING_FILES_PER_MESSAGE);
        }
        if (maxTicketBytes < maxFileBytes || maxTicketBytes > CEILING_TICKET_BYTES) {
            throw new IllegalArgumentException(
                    "max_ticket_bytes must be at least max_file_bytes and at most " + CEILING_TICKET_BYTES);
        }
    }
}
