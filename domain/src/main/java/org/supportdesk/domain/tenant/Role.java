package org.supportdesk.domain.tenant;

/** What a person may do inside their tenant (§2). */
public enum Role {
    CUSTOMER,
    AGENT,
    ADMIN;

    public boolean isStaff() {
        return this != CUSTOMER;
    }
}
