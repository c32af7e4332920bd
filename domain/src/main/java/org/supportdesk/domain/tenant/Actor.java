package org.supportdesk.domain.tenant;

/** Who is acting, in which tenant, with which powers; every use case receives one. */
public sealed interface Actor permits CustomerActor, StaffActor, SystemActor {
    TenantId tenant();

    ActorKind kind();

    /** How the actor appears on messages and journal entries. */
    Author asAuthor();

    default boolean isStaff() {
        return kind() == ActorKind.STAFF;
    }
}
