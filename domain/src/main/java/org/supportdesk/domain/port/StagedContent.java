package org.supportdesk.domain.port;

import java.io.InputStream;
import org.supportdesk.domain.attachment.ContentDigest;
import org.supportdesk.domain.tenant.TenantId;

/**
 * An upload copied by {@link AttachmentStore#stage}, not yet kept: its size and digest are known, its bytes can be
 * read again (to sniff them), and closing it discards it unless {@link AttachmentStore#keep} took it.
 */
public interface StagedContent extends AutoCloseable {
    TenantId tenant();

    ContentDigest digest();

    long size();

    /** The staged bytes from the start, to read and close. */
    InputStream open();

    /** Discards the staged bytes, unless they were kept; closing twice does nothing. */
    @Override
    void close();
}
