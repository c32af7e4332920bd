package org.supportdesk.domain.tenant;

import java.util.Objects;

/** Supportdesk itself, acting in a tenant: auto-close, SLA breaches. */
public record SystemActor(TenantId tenant) implements Actor {
    public SystemActor {
        Objects.requireNonNull(tenant, "tenant");
    }

    @Override
    public ActorKind kind() {
        return ActorKind.SYSTEM;
    }

    @Override
    public Author asAuthor() {
        return Author.SYSTEM;
    }
}
