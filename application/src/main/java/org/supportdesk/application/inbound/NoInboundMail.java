package org.supportdesk.application.inbound;

import java.util.function.Function;
import org.supportdesk.domain.mail.ImapAccount;
import org.supportdesk.domain.mail.InboundMail;
import org.supportdesk.domain.port.MailParser;
import org.supportdesk.domain.port.Mailboxes;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * For a core composed without a mail adapter (an embedder's, a test's): every received mail is refused as unreadable
 * and no mailbox is ever read.
 */
public final class NoInboundMail implements MailParser, Mailboxes {
    @Override
    public InboundMail parse(byte[] raw) {
        throw ValidationFailed.of("message", "inbound mail is not configured on this server");
    }

    @Override
    public int drain(ImapAccount account, String password, Function<byte[], Handled> handler) {
        return 0;
    }
}
