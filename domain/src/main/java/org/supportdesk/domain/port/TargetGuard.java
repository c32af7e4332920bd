package org.supportdesk.domain.port;

import java.net.URI;
import java.util.Optional;

/**
 * Whether an outbound target may be reached (SSRF, RELIABILITY row 11): loopback, private, link-local, unique-local,
 * multicast, unspecified and cloud-metadata addresses are refused, also when a host name resolves to one.
 */
public interface TargetGuard {
    /** Why {@code target} is refused, or empty when it may be reached. */
    Optional<String> refusal(URI target);
}
