package org.supportdesk.domain.tenant;

/** The discriminator of {@link Actor}, so callers can switch on it under Java 17. */
public enum ActorKind {
    CUSTOMER,
    STAFF,
    SYSTEM
}
