package org.supportdesk.adapter.persistence;

import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.Ports;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.testing.FakePasswordHashing;
import org.supportdesk.application.testing.MutableClock;
import org.supportdesk.application.testing.TicketReportsContract;

/** The PostgreSQL stats, export and audit log answer what the reports contract says, figure for figure. */
@ExtendWith(PostgresExtension.class)
class JdbiTicketReportsTest extends TicketReportsContract {
    private final TestDatabase database;

    JdbiTicketReportsTest(TestDatabase database) {
        this.database = database;
    }

    @Override
    protected Ports ports(MutableClock clock) {
        return JdbiStores.over(database.jdbi(), clock)
                .ports(new FakePasswordHashing(), new SecureRandomSecrets(), TestDatabase.attachmentFiles());
    }
}
