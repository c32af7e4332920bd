package org.supportdesk.application.testing;

import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.supportdesk.domain.port.TargetGuard;

/** A guard for the in-memory core: refuses the hosts a test listed (no DNS here; the real guard is adapter-notify's). */
public final class ListedTargetGuard implements TargetGuard {
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public void refuse(String host) {
        refused.add(host);
    }

    @Override
    public Optional<String> refusal(URI target) {
        return refused.contains(target.getHost()) ? Optional.of(target.getHost() + " is refused") : Optional.empty();
    }
}
