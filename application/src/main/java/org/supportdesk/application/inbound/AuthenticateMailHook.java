package org.supportdesk.application.inbound;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.supportdesk.domain.port.EmailChannels;
import org.supportdesk.domain.port.Tenants;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.TenantId;

/**
 * Who is posting mail to the hook: the tenant the path names, by its slug (what an operator types into a mail server's
 * configuration) or by its id (as Telegram's hook is named), when the bearer is that tenant's current
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
        return named(command.tenant()).filter(tenant -> transactions
                .inTransaction(tenant, () -> channels.find(tenant))
                .filter(channel -> InboundSecrets.matches(command.secret(), channel.secretHash()))
                .isPresent());
    }

    private Optional<TenantId> named(String name) {
        try {
            return Optional.of(new TenantId(UUID.fromString(name)));
        } catch (IllegalArgumentException notAnId) {
            return tenants.bySlug(name);
        }
    }
}
