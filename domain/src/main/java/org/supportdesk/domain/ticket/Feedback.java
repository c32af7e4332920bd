package org.supportdesk.domain.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.problem.ValidationFailed;

/**
 * The requester's feedback on a resolved or closed ticket (§9): a rating, an optional comment, and when it was given.
 * The comment is trimmed; one that is blank after trimming is no comment, as an empty form field means.
 */
public record Feedback(Rating rating, Optional<String> comment, Instant givenAt) {
    public static final int MAX_COMMENT_LENGTH = 5_000;

    public Feedback {
        Objects.requireNonNull(rating, "rating");
        comment = Objects.requireNonNull(comment, "comment").map(String::strip).filter(c -> !c.isEmpty());
        if (comment.filter(c -> c.length() > MAX_COMMENT_LENGTH).isPresent()) {
            throw ValidationFailed.of("comment", "must be at most " + MAX_COMMENT_LENGTH + " characters");
        }
        Objects.requireNonNull(givenAt, "givenAt");
    }
}
