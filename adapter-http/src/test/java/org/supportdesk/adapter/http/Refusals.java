package org.supportdesk.adapter.http;

import org.supportdesk.domain.problem.DomainException;

/**
 * The refusals a request may meet before any work, as the server answers them (S15): an {@link HttpProblem}, a
 * {@link DomainException} or an unreadable body. Anything else thrown is an undeclared failure, which the server
 * would answer with a 500; it is rethrown, so a fuzz test reports it with the input that caused it.
 */
public final class Refusals {
    private Refusals() {}

    /** The status the server answers {@code refusal} with; rethrows a failure that is not a declared refusal. */
    public static int statusOf(RuntimeException refusal) {
        if (refusal instanceof HttpProblem problem) {
            return problem.code().status();
        }
        if (refusal instanceof DomainException domain) {
            return ApiCode.of(domain.code()).status();
        }
        if (refusal instanceof Requests.UnreadableBody) {
            return ApiCode.MALFORMED_JSON
                    .status(); // Problems.unreadable: MALFORMED_JSON or VALIDATION_FAILED, both 400
        }
        throw refusal;
    }
}
