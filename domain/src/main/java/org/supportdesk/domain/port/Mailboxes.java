package org.supportdesk.domain.port;

import java.util.function.Function;
import org.supportdesk.domain.mail.ImapAccount;

/** The tenants' IMAP mailboxes, read for unseen mail. */
public interface Mailboxes {
    /** What became of one message handed to the core. */
    enum Handled {
        /** Taken (filed, threaded or deliberately ignored): mark it seen. */
        TAKEN,
        /** Not taken for a passing reason (the database is away): leave it unseen for a later round. */
        RETRY
    }

    /**
     * Hands each unseen message of the account's folder, as raw bytes, to {@code handler}, oldest first, and marks it
     * seen once the handler answered {@link Handled#TAKEN}; stops at the first {@link Handled#RETRY}. A message the
     * handler throws on (unreadable or refused mail) is logged and marked seen too, so bad mail is never offered
     * again. Connecting and reading are bounded by timeouts.
     *
     * @param password the account's password, opened from its seal just for this call
     * @return how many messages were marked seen
     * @throws IllegalStateException when the mailbox cannot be reached or read; what was marked stays marked
     */
    int drain(ImapAccount account, String password, Function<byte[], Handled> handler);
}
