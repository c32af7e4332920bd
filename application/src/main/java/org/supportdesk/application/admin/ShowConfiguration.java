package org.supportdesk.application.admin;

import java.util.Objects;
import org.supportdesk.domain.port.SlaSettings;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.sla.BusinessCalendar;
import org.supportdesk.domain.sla.SlaPolicy;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.TenantSettings;

/**
 * The tenant's configuration as it is now: settings and categories, the current SLA policy and business hours. Each
 * route shows its part to whom it may (categories to everyone who files, the rest to admins).
 */
public final class ShowConfiguration {
    public record Command(Actor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** The configuration of one tenant. */
    public record Configuration(TenantSettings settings, SlaPolicy policy, BusinessCalendar calendar) {}

    private final TenantConfiguration configuration;
    private final SlaSettings slaSettings;
    private final TransactionRunner transactions;

    public ShowConfiguration(
            TenantConfiguration configuration, SlaSettings slaSettings, TransactionRunner transactions) {
        this.configuration = configuration;
        this.slaSettings = slaSettings;
        this.transactions = transactions;
    }

    public Configuration handle(Command command) {
        var tenant = command.actor().tenant();
        return transactions.inTransaction(
                tenant,
                () -> new Configuration(
                        configuration.settings(tenant),
                        slaSettings.currentPolicy(tenant),
                        slaSettings.currentCalendar(tenant)));
    }
}
