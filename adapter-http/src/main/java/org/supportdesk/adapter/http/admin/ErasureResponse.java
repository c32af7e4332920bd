package org.supportdesk.adapter.http.admin;

import org.supportdesk.application.privacy.ErasePerson;
import org.supportdesk.domain.privacy.Erasure;

/**
 * {@code POST /customers/{id}/erase}: whom the customer became (their pseudonym) and how much was redacted where; no
 * personal data.
 */
public record ErasureResponse(String id, String name, String email, Redacted redacted) {
    /** How many rows of each kind the erasure redacted. */
    public record Redacted(
            int tickets,
            int messages,
            int attachments,
            int journalEntries,
            int changeEvents,
            int deliveries,
            int notifications) {
        static Redacted of(Erasure erasure) {
            return new Redacted(
                    erasure.tickets(),
                    erasure.messages(),
                    erasure.attachments(),
                    erasure.journalEntries(),
                    erasure.changeEvents(),
                    erasure.deliveries(),
                    erasure.notifications());
        }
    }

    static ErasureResponse of(ErasePerson.Erased erased) {
        return new ErasureResponse(
                erased.person().toString(),
                erased.pseudonym().name(),
                erased.pseudonym().email(),
                Redacted.of(erased.erasure()));
    }
}
