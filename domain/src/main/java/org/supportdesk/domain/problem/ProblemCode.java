package org.supportdesk.domain.problem;

/** The stable machine codes of the refusals the core can raise; adapters map each to a transport status. */
public enum ProblemCode {
    NOT_FOUND,
    FORBIDDEN,
    VALIDATION_FAILED,
    NO_CHANGES,
    INVALID_TRANSITION,
    TICKET_CLOSED,
    FOLLOW_UP_REQUIRED,
    CONFLICT,
    IDEMPOTENCY_KEY_REUSED,
    PRECONDITION_FAILED,
    PAYLOAD_TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    /** The store behind the core cannot be reached just now; the request may be retried. */
    UNAVAILABLE,
    /** A service outside Supportdesk that the request needs (the Telegram Bot API) did not answer usefully. */
    UPSTREAM_UNAVAILABLE
}
