package org.supportdesk.application.inbound;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.supportdesk.application.mail.MailIdentity;
import org.supportdesk.domain.mail.InboundMail;

/**
 * Why a mail must not be taken in at all, so no loop starts (RFC 3834) and no bulk mail becomes tickets: machine
 * mail, list mail, bounces, and our own mail coming back. Judged before any threading rule.
 */
final class LoopGuard {
    private static final Set<String> BULK_PRECEDENCE = Set.of("bulk", "list", "junk", "auto_reply");
    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster");

    private LoopGuard() {}

    /** The reason to ignore {@code mail}, or empty when a person may have written it to us. */
    static Optional<String> reasonToIgnore(InboundMail mail, MailIdentity us, Optional<String> supportAddress) {
        InboundMail.LoopSignals signals = mail.loopSignals();
        if (signals.autoSubmitted()
                .map(LoopGuard::token)
                .filter(v -> !v.equals("no"))
                .isPresent()) {
            return Optional.of("auto_submitted");
        }
        if (signals.precedence()
                .map(LoopGuard::token)
                .filter(BULK_PRECEDENCE::contains)
                .isPresent()) {
            return Optional.of("bulk_precedence");
        }
        if (signals.listId().isPresent() || signals.listUnsubscribe().isPresent()) {
            return Optional.of("mailing_list");
        }
        if (signals.xAutoreply().isPresent() || signals.xAutorespond().isPresent()) {
            return Optional.of("auto_reply");
        }
        if (mail.returnPath()
                        .map(String::strip)
                        .filter(path -> path.equals("<>"))
                        .isPresent()
                || mail.from().stream().map(LoopGuard::localPart).anyMatch(DAEMONS::contains)) {
            return Optional.of("bounce");
        }
        String ours = us.from().toLowerCase(Locale.ROOT);
        String ourIds = "@" + us.messageIds().domain() + ">";
        if (mail.from().stream()
                        .anyMatch(address -> address.toLowerCase(Locale.ROOT).equals(ours))
                || mail.messageId()
                        .filter(id -> id.strip().toLowerCase(Locale.ROOT).endsWith(ourIds))
                        .isPresent()) {
            return Optional.of("own_mail");
        }
        if (supportAddress.isPresent()
                && mail.from().stream()
                        .anyMatch(address -> address.toLowerCase(Locale.ROOT).equals(supportAddress.get()))) {
            return Optional.of("from_support_address");
        }
        return Optional.empty();
    }

    /** A header's value without parameters or comments, lower-cased: {@code Auto-Submitted: auto-replied; x=y}. */
    private static String token(String value) {
        String bare = value.split("[;(]", 2)[0];
        return bare.strip().toLowerCase(Locale.ROOT);
    }

    private static String localPart(String address) {
        int at = address.lastIndexOf('@');
        return (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
    }
}
