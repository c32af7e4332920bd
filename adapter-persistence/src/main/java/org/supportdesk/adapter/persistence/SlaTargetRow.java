package org.supportdesk.adapter.persistence;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.sla.Targets;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.Priority;

/** An {@code sla_policy_targets} row: the targets of one priority in one policy version. */
public record SlaTargetRow(
        UUID tenantId, int version, String priority, int firstResponseMinutes, int resolutionMinutes) {

    /** The rows of every priority of {@code policy}. */
    static List<SlaTargetRow> of(TenantId tenant, SlaPolicy policy) {
        return Arrays.stream(Priority.values())
                .map(priority -> {
                    Targets targets = policy.targets(priority);
                    return new SlaTargetRow(
                            tenant.value(),
                            policy.version(),
                            priority.wireName(),
                            targets.firstResponseMinutes(),
                            targets.resolutionMinutes());
                })
                .collect(Collectors.toList());
    }

    /** The policy these rows of one version make up; empty when there are none. */
    static Optional<SlaPolicy> toPolicy(int version, List<SlaTargetRow> rows) {
        Map<Priority, Targets> targets = new EnumMap<>(Priority.class);
        rows.forEach(row -> targets.put(
                Priority.parse(row.priority()), new Targets(row.firstResponseMinutes(), row.resolutionMinutes())));
        return targets.isEmpty() ? Optional.empty() : Optional.of(new SlaPolicy(version, targets));
    }
}
