package org.supportdesk.adapter.persistence;

import org.supportdesk.domain.port.SlaSettings;

/** A tenant's newest stored policy and calendar versions, 0 where none is stored. */
public record SlaVersionsRow(int policy, int calendar) {

    /** With nothing stored, a tenant is measured under version 1 of the defaults. */
    SlaSettings.CurrentVersions toDomain() {
        return new SlaSettings.CurrentVersions(Math.max(1, policy), Math.max(1, calendar));
    }
}
