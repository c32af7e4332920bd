package org.supportdesk.domain.ticket;

public enum Priority {
    LOW,
    MEDIUM,
    HIGH,
    URGENT
}
