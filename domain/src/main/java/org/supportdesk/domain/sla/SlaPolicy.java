package org.supportdesk.domain.sla;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.supportdesk.domain.ticket.Priority;
import org.supportdesk.domain.ticket.SlaTarget;

/**
 * A tenant's SLA policy (§7): first-response and resolution targets per priority, in business minutes. Versioned: a
 * ticket remembers the version it is measured under, so publishing a new version never rewrites the past.
 */
public record SlaPolicy(int version, Map<Priority, Targets> targets) {
    public SlaPolicy {
        if (version < 1) {
            throw new IllegalArgumentException("policy versions start at 1");
        }
        Objects.requireNonNull(targets, "targets");
        for (Priority priority : Priority.values()) {
            if (!targets.containsKey(priority)) {
                throw new IllegalArgumentException("the policy has no targets for " + priority.wireName());
            }
        }
        targets = Map.copyOf(new EnumMap<>(targets));
    }

    /** Version 1 with the §7 defaults: urgent 60/240, high 240/1440, medium 480/4320, low 1440/7200. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(
                1,
                Map.of(
                        Priority.URGENT, new Targets(60, 240),
                        Priority.HIGH, new Targets(240, 1440),
                        Priority.MEDIUM, new Targets(480, 4320),
                        Priority.LOW, new Targets(1440, 7200)));
    }

    public Targets targets(Priority priority) {
        return targets.get(Objects.requireNonNull(priority, "priority"));
    }

    public Duration target(Priority priority, SlaTarget target) {
        return targets(priority).duration(target);
    }

    /** The same targets with one priority's replaced, as the next version. */
    public SlaPolicy nextVersionWith(Priority priority, Targets replacement) {
        EnumMap<Priority, Targets> next = new EnumMap<>(targets);
        next.put(priority, replacement);
        return new SlaPolicy(version + 1, next);
    }
}
