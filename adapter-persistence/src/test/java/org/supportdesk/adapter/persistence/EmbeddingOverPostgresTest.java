package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.supportdesk.application.Ports;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.access.SignIn;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.application.ids.SecureRandomSecrets;
import org.supportdesk.application.ids.ThreadCorrelation;
import org.supportdesk.application.ids.TimeOrderedIds;
import org.supportdesk.application.testing.FakePasswordHashing;
import org.supportdesk.domain.port.PasswordHashing;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.Person;
import org.supportdesk.domain.tenant.TenantSlug;

/**
 * The PostgreSQL example of docs/embedding.md, run: an application hands the persistence adapter its own
 * {@code DataSource} and gets the whole core over it. The guide shows the tagged region verbatim.
 */
@ExtendWith(PostgresExtension.class)
class EmbeddingOverPostgresTest {
    private final DataSource yourDataSource;
    /** An embedder brings its KDF (the server uses Argon2id); a fast fake keeps this test quick. */
    private final PasswordHashing yourPasswordHashing = new FakePasswordHashing();
    /** Where the embedder keeps attachment bytes. */
    private final Path yourFilesDirectory;

    EmbeddingOverPostgresTest(TestDatabase database) {
        this.yourDataSource = database.dataSource();
        this.yourFilesDirectory = TestDatabase.attachmentFiles().root();
    }

    @Test
    void an_application_runs_the_core_over_its_own_data_source() {
        // tag::postgres[]
        Database.migrate(yourDataSource); // a role that owns its schema and is neither superuser nor BYPASSRLS
        Jdbi jdbi = Database.jdbi(yourDataSource);
        InstantSource clock = Clock.systemUTC();
        Ports ports = JdbiStores.over(jdbi, clock)
                .ports(yourPasswordHashing, new SecureRandomSecrets(), LocalAttachmentStore.under(yourFilesDirectory));
        UseCases supportdesk = UseCases.over(ports, new TimeOrderedIds(clock), new ThreadCorrelation(), clock);
        // end::postgres[]

        CreateTenant.Created created = supportdesk
                .createTenant()
                .handle(CreateTenant.Command.withAdmin(
                        new TenantSlug("embedded"),
                        "Embedded",
                        new CreateTenant.FirstAdmin(
                                Email.of("boss@embedded.example"), "Boss", new Password("correct horse"))));

        assertThat(ports.tenants().bySlug("embedded")).contains(created.tenant());
        assertThat(created.admin()).isPresent();
        assertThat(supportdesk
                        .access()
                        .signIn()
                        .handle(new SignIn.Command("embedded", "boss@embedded.example", "correct horse")))
                .map(Person::id)
                .isEqualTo(created.admin().map(Person::id));
        assertThat(ports.tickets()).isInstanceOf(JdbiTicketRepository.class);
    }
}
