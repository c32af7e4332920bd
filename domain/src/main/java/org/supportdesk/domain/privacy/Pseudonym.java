package org.supportdesk.domain.privacy;

import java.util.Objects;
import org.supportdesk.domain.tenant.UserId;

/**
 * What an erased person is called from then on (§16 privacy): a name and an address made from their id alone, so the
 * same person always gets the same pseudonym, two people never share one, and nothing of what they were called is in
 * it. The address is in the {@code .invalid} top-level domain (RFC 2606): no mail can reach it.
 */
public record Pseudonym(String name, String email) {
    /** What every redacted text reads: a message body, a subject, a file name, a journal value. */
    public static final String ERASED = "[erased]";

    public Pseudonym {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    public static Pseudonym of(UserId person) {
        String tag = person.value().toString();
        return new Pseudonym("Erased person " + tag.substring(0, 8), "erased-" + tag + "@erased.invalid");
    }
}
