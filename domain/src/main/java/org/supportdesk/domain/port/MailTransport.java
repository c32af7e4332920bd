package org.supportdesk.domain.port;

import org.supportdesk.domain.notify.DeliveryOutcome;
import org.supportdesk.domain.notify.OutgoingMail;

/**
 * Sends one mail to its one recipient over SMTP (supportdesk-adapter-notify), in bounded time: connect, read and write
 * timeouts on every exchange with the mail server.
 *
 * <p>Every mail is marked as sent by a machine ({@code Auto-Submitted: auto-generated}, {@code
 * X-Auto-Response-Suppress: All}), so out-of-office replies do not answer it and no loop starts. Names and subjects
 * are encoded by the transport, and any line break in them is replaced: no text of a mail ever adds a header or a
 * recipient.
 */
public interface MailTransport {
    /**
     * One attempt: answers what came of it (the server's reply code when it answered) and never throws for a failure
     * of the server. A recipient the server refuses for good is a {@linkplain DeliveryOutcome#permanent() permanent}
     * failure.
     */
    DeliveryOutcome send(OutgoingMail mail);
}
