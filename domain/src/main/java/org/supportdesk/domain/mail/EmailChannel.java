package org.supportdesk.domain.mail;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.TenantId;

/**
 * A tenant's inbound email channel: the support address people write to, the mailbox the poller reads (if any), and
 * the SHA-256 of the inbound secret a mail server's hook presents (the secret itself is shown once and not kept).
 */
public record EmailChannel(
        TenantId tenant,
        Email supportAddress,
        Optional<ImapAccount> imap,
        String secretHash,
        Instant createdAt,
        Instant updatedAt) {
    public EmailChannel {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(supportAddress, "supportAddress");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
