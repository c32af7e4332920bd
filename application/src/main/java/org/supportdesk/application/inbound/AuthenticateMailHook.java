package org.supportdesk.application.inbound;

import java.util.Objects;
import java.util.Optional;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Who is posting mail to the hook: the tenant whose slug the path names, when the bearer is that tenant's current
 * inbound secret (compared in constant time); empty for anything else, alike for an unknown tenant, a tenant without
 * an email channel and a wrong secret.
 */
public final class AuthenticateMailHook {
    public record Command(String tenant, String secret) {
        public Command {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(secret, "secret");
        }
    }

    private final Tenants tenants;
    private final EmailChannels channels;
    private final TransactionRunner transactions;

    public AuthenticateMailHook(Tenants tenants, EmailChannels channels, TransactionRunner transactions) {
        this.tenants = tenants;
        this.channels = channels;
        this.transactions = transactions;
    }

    public Optional<TenantId> handle(Command command) {
        return tenants.bySlug(command.tenant()).filter(tenant -> transactions
                .inTransaction(tenant, () -> channels.find(tenant))
                .filter(channel -> InboundSecrets.matches(command.secret(), channel.secretHash()))
                .isPresent());
    }
}
