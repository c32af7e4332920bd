package org.supportdesk.application.inbound;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.ImapAccount;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.Mailboxes;
import org.supportdesk.domain.port.SecretBox;
import org.supportdesk.domain.port.StoreUnavailable;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * The poller's round for one tenant: every unseen message of its IMAP folder goes through {@link ReceiveEmail}, and is
 * marked seen only once that committed (or refused it for good); a database that is away leaves the rest unseen for
 * the next round. A tenant without a mailbox has nothing to do.
 */
public final class PollMailbox {
    public record Command(TenantId tenant) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    private final EmailChannels channels;
    private final TransactionRunner transactions;
    private final Mailboxes mailboxes;
    private final SecretBox box;
    private final ReceiveEmail receive;

    public PollMailbox(
            EmailChannels channels,
            TransactionRunner transactions,
            Mailboxes mailboxes,
            SecretBox box,
            ReceiveEmail receive) {
        this.channels = channels;
        this.transactions = transactions;
        this.mailboxes = mailboxes;
        this.box = box;
        this.receive = receive;
    }

    /** Answers how many messages were taken from the mailbox. */
    public int handle(Command command) {
        TenantId tenant = command.tenant();
        Optional<ImapAccount> account =
                transactions.inTransaction(tenant, () -> channels.find(tenant).flatMap(EmailChannel::imap));
        if (account.isEmpty()) {
            return 0;
        }
        return mailboxes.drain(account.get(), box.open(account.get().sealedPassword()), raw -> {
            try {
                receive.handle(new ReceiveEmail.Command(tenant, raw));
                return Mailboxes.Handled.TAKEN;
            } catch (StoreUnavailable away) {
                return Mailboxes.Handled.RETRY;
            }
        });
    }
}
