package org.supportdesk.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which account runs the cluster when we are root. These tests create and delete real system accounts (with a random
 * suffix, so parallel builds on one machine do not collide), so they need root: a normal user can neither create
 * accounts nor needs one, since the cluster then runs as that user (BundledPostgresTest covers that).
 */
@Timeout(300)
class PostgresAccountTest {
    private static final String ONLY_ROOT = "only root may create accounts, and only root needs another account";

    @TempDir
    Path dir;

    private final String suffix = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private final String absent = "sdpg-absent-" + suffix;
    private final String dedicated = "sdpg-test-" + suffix;

    @Test
    void the_postgres_account_is_used_when_it_exists() {
        assumeTrue(PostgresAccount.runningAsRoot(), ONLY_ROOT);
        assumeTrue(PostgresAccount.PasswdEntry.lookUp("postgres").isPresent(), "this machine has no postgres account");

        PostgresAccount account = PostgresAccount.forThisProcess();

        assertThat(account.name()).isEqualTo("postgres");
        assertThat(account.switchesUser()).isTrue();
    }

    @Test
    void without_the_preferred_account_a_locked_system_account_is_created_once_and_runs_the_cluster() throws Exception {
        assumeTrue(PostgresAccount.runningAsRoot(), ONLY_ROOT);
        try {
            PostgresAccount account = PostgresAccount.chooseOrCreate(absent, dedicated);

            assertThat(account.name()).isEqualTo(dedicated);
            assertThat(account.switchesUser()).isTrue();
            String[] passwd = getent("passwd", dedicated).split(":");
            assertThat(Integer.parseInt(passwd[2])).isPositive();
            assertThat(passwd[5]).isEqualTo("/nonexistent");
            assertThat(Path.of(passwd[5])).doesNotExist();
            assertThat(passwd[6]).endsWith("nologin");
            assertThat(getent("shadow", dedicated).split(":")[1]).startsWith("!");
            assertThat(PostgresAccount.chooseOrCreate(absent, dedicated).name()).isEqualTo(dedicated);

            Path hidden = Files.createDirectory(dir.resolve("no-postgres-here"));
            PostgresBinaries bundled =
                    PostgresBinaries.locate(List.of(hidden), PostgresBinaries.defaultBundleDirectory());
            try (LocalPostgres cluster = LocalPostgres.startThrowaway(bundled, account);
                    Connection admin = cluster.superuserConnection("supportdesk");
                    ResultSet backend = admin.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                backend.next();
                assertThat(Files.getOwner(Path.of("/proc", backend.getString(1)))
                                .getName())
                        .isEqualTo(dedicated);
            }
        } finally {
            removeAccount(dedicated);
        }
    }

    @Test
    void an_existing_account_of_that_name_with_a_login_shell_is_refused() throws Exception {
        assumeTrue(PostgresAccount.runningAsRoot(), ONLY_ROOT);
        try {
            assertThat(run("useradd", "--system", "--no-create-home", "--shell", "/bin/sh", dedicated))
                    .isZero();

            assertThatThrownBy(() -> PostgresAccount.chooseOrCreate(absent, dedicated))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("login shell /bin/sh");
        } finally {
            removeAccount(dedicated);
        }
    }

    @Test
    void passwd_lines_are_read_field_by_field() {
        PostgresAccount.PasswdEntry entry = PostgresAccount.PasswdEntry.parse(
                "postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash");

        assertThat(entry).isEqualTo(new PostgresAccount.PasswdEntry("postgres", 101, 104, "/bin/bash"));
    }

    private static void removeAccount(String name) throws Exception {
        run("userdel", name);
        run("groupdel", name); // when login.defs does not remove the user's own group with it
    }

    private static String getent(String database, String key) throws Exception {
        Process process = new ProcessBuilder("getent", database, key).start();
        String line = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("getent %s %s", database, key).isZero();
        return line;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
