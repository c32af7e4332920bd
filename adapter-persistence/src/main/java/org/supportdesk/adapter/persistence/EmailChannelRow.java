package org.supportdesk.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.ImapAccount;
import org.supportdesk.domain.mail.ImapSecurity;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.TenantId;

/** An {@code email_channels} row; public because JDBI binds public accessors only. The password stays sealed. */
public record EmailChannelRow(
        UUID tenantId,
        String supportAddress,
        String imapHost,
        Integer imapPort,
        String imapSecurity,
        String imapUsername,
        String imapSealedPassword,
        String imapFolder,
        String secretHash,
        Instant createdAt,
        Instant updatedAt) {

    static EmailChannelRow from(EmailChannel c) {
        Optional<ImapAccount> imap = c.imap();
        return new EmailChannelRow(
                c.tenant().value(),
                c.supportAddress().value(),
                imap.map(ImapAccount::host).orElse(null),
                imap.map(ImapAccount::port).orElse(null),
                imap.map(i -> i.security().wireName()).orElse(null),
                imap.map(ImapAccount::username).orElse(null),
                imap.map(ImapAccount::sealedPassword).orElse(null),
                imap.map(ImapAccount::folder).orElse(null),
                c.secretHash(),
                c.createdAt(),
                c.updatedAt());
    }

    EmailChannel toDomain() {
        Optional<ImapAccount> imap = imapHost == null
                ? Optional.empty()
                : Optional.of(new ImapAccount(
                        imapHost,
                        imapPort,
                        ImapSecurity.parse(imapSecurity).orElseThrow(),
                        imapUsername,
                        imapSealedPassword,
                        imapFolder));
        return new EmailChannel(
                new TenantId(tenantId), new Email(supportAddress), imap, secretHash, createdAt, updatedAt);
    }
}
