package org.supportdesk.application.telegram;

import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.problem.ProblemCode;

/** The Bot API gave no usable answer while an admin configured Telegram; nothing was stored (502). */
public final class TelegramUnreachable extends DomainException {
    public TelegramUnreachable(String detail) {
        super(ProblemCode.UPSTREAM_UNAVAILABLE, detail);
    }
}
