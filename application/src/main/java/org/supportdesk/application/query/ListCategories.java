package org.supportdesk.application.query;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.supportdesk.domain.port.TenantConfiguration;
import org.supportdesk.domain.port.TransactionRunner;
import org.supportdesk.domain.tenant.Actor;
import org.supportdesk.domain.tenant.Category;

/** Anyone who files tickets reads the tenant's categories, sorted, and nothing else of its configuration (§9). */
public final class ListCategories {
    public record Command(Actor actor) {
        public Command {
            Objects.requireNonNull(actor, "actor");
        }
    }

    private final TenantConfiguration configuration;
    private final TransactionRunner transactions;

    public ListCategories(TenantConfiguration configuration, TransactionRunner transactions) {
        this.configuration = configuration;
        this.transactions = transactions;
    }

    public List<Category> handle(Command command) {
        var tenant = command.actor().tenant();
        return transactions.inTransaction(tenant, () -> configuration.settings(tenant).categories().stream()
                .sorted(Comparator.comparing(Category::value))
                .toList());
    }
}
