package org.supportdesk.adapter.notify.email;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.supportdesk.domain.mail.ImapAccount;
import org.supportdesk.domain.mail.ImapSecurity;
import org.supportdesk.domain.port.Mailboxes;

/**
 * Tenants' IMAP mailboxes read with Angus Mail: unseen messages fetched with {@code BODY.PEEK} (so reading does not
 * mark them), each marked {@code \Seen} only after the core took it; connecting, reading and writing bounded by the
 * timeout; messages larger than the limit skipped (marked seen) with a log line.
 */
public final class ImapMailboxes implements Mailboxes {
    private static final Logger LOG = LoggerFactory.getLogger(ImapMailboxes.class);

    private final Duration timeout;
    private final long maxMessageBytes;

    public ImapMailboxes(Duration timeout, long maxMessageBytes) {
        this.timeout = timeout;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public int drain(ImapAccount account, String password, Function<byte[], Handled> handler) {
        String protocol = account.security() == ImapSecurity.TLS ? "imaps" : "imap";
        Session session = Session.getInstance(properties(protocol, account.security()));
        int marked = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(account.host(), account.port(), account.username(), password);
            Folder folder = store.getFolder(account.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Handled handled = offer(account, message, handler);
                    if (handled == Handled.RETRY) {
                        LOG.info(
                                "Mailbox {}: the core could not take message {} now; the rest waits for the next round",
                                account,
                                message.getMessageNumber());
                        break;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                    marked++;
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("mailbox " + account + " could not be read: " + e.getMessage(), e);
        }
        return marked;
    }

    /** One message to the core; a bad one is logged and counts as taken, so it is marked and never offered again. */
    private Handled offer(ImapAccount account, Message message, Function<byte[], Handled> handler)
            throws MessagingException {
        int number = message.getMessageNumber();
        if (message.getSize() > maxMessageBytes) {
            LOG.warn(
                    "Mailbox {}: skipped message {} of {} bytes, over the {}-byte limit",
                    account,
                    number,
                    message.getSize(),
                    maxMessageBytes);
            return Handled.TAKEN;
        }
        byte[] raw;
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            message.writeTo(out);
            raw = out.toByteArray();
        } catch (IOException e) {
            throw new MessagingException("reading message " + number, e);
        }
        try {
            return handler.apply(raw);
        } catch (RuntimeException refused) {
            LOG.warn("Mailbox {}: skipped message {}: {}", account, number, refused.toString());
            return Handled.TAKEN;
        }
    }

    private Properties properties(String protocol, ImapSecurity security) {
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty("mail." + protocol + ".connectiontimeout", millis);
        properties.setProperty("mail." + protocol + ".timeout", millis);
        properties.setProperty("mail." + protocol + ".writetimeout", millis);
        // Fetch with BODY.PEEK: a message is marked seen by us, after the core took it, not by reading it.
        properties.setProperty("mail." + protocol + ".peek", "true");
        if (security == ImapSecurity.STARTTLS) {
            properties.setProperty("mail.imap.starttls.enable", "true");
            properties.setProperty("mail.imap.starttls.required", "true");
        }
        return properties;
    }
}
