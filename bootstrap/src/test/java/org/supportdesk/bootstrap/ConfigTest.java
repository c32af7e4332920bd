package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.http.limits.RateLimits;

class ConfigTest {
    private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes!";

    @TempDir
    Path dir;

    @Test
    void defaults_with_an_empty_environment() {
        Config config = Config.from(Map.of(), Optional.empty());

        assertThat(config.database()).isEmpty();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.jwtSecret()).isEmpty();
        assertThat(config.jwtIssuer()).isEqualTo("supportdesk");
        assertThat(config.jwtAudience()).isEqualTo("supportdesk-api");
        assertThat(config.jwksUrl()).isEmpty();
        assertThat(config.dataDir()).isEqualTo(Path.of(".data"));
        assertThat(config.postgresSearchPath()).isEmpty();
    }

    @Test
    void the_postgres_search_path_is_a_colon_separated_list_from_the_environment_or_the_file() throws IOException {
        Config fromEnvironment =
                Config.from(Map.of("SUPPORTDESK_POSTGRES_PATH", "/opt/pg/bin:/nonexistent"), Optional.empty());
        Path file =
                Files.writeString(dir.resolve("supportdesk.properties"), "SUPPORTDESK_POSTGRES_PATH=/nonexistent\n");
        Config fromFile = Config.from(Map.of(), Optional.of(file));

        assertThat(fromEnvironment.postgresSearchPath())
                .hasValue(List.of(Path.of("/opt/pg/bin"), Path.of("/nonexistent")));
        assertThat(fromFile.postgresSearchPath()).hasValue(List.of(Path.of("/nonexistent")));
        assertThat(fromFile.withPort(0).postgresSearchPath()).isEqualTo(fromFile.postgresSearchPath());
    }

    @Test
    void reads_every_variable() {
        Config config = Config.from(
                Map.of(
                        "SUPPORTDESK_DB_URL", "jdbc:postgresql://db:5432/desk",
                        "SUPPORTDESK_DB_USER", "desk",
                        "SUPPORTDESK_DB_PASSWORD", "pw",
                        "SUPPORTDESK_DB_POOL_SIZE", "4",
                        "SUPPORTDESK_HOST", "127.0.0.1",
                        "SUPPORTDESK_PORT", "9090",
                        "SUPPORTDESK_JWT_SECRET", SECRET,
                        "SUPPORTDESK_JWT_ISSUER", "iss",
                        "SUPPORTDESK_JWT_AUDIENCE", "aud",
                        "SUPPORTDESK_JWKS_URL", "https://idp.example/jwks.json"),
                Optional.empty());

        assertThat(config.database()).hasValueSatisfying(db -> {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/desk");
            assertThat(db.user()).isEqualTo("desk");
            assertThat(db.password()).isEqualTo("pw");
            assertThat(db.maximumPoolSize()).isEqualTo(4);
        });
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.jwtSecret()).contains(SECRET);
        assertThat(config.jwtIssuer()).isEqualTo("iss");
        assertThat(config.jwtAudience()).isEqualTo("aud");
        assertThat(config.jwksUrl()).contains("https://idp.example/jwks.json");
        assertThat(config.toString()).doesNotContain(SECRET).doesNotContain("pw,");
    }

    @Test
    void email_is_a_channel_only_with_an_smtp_host_and_a_sender() {
        Config none = Config.from(Map.of(), Optional.empty());
        assertThat(none.channels().smtp()).isEmpty();
        assertThat(none.channels().telegramApiUrl()).hasToString("https://api.telegram.org");
        assertThat(none.publicUrl()).hasToString("http://127.0.0.1:8080");

        Config mail = Config.from(
                Map.of(
                        "SUPPORTDESK_SMTP_HOST", "smtp.example.com",
                        "SUPPORTDESK_SMTP_SECURITY", "TLS",
                        "SUPPORTDESK_SMTP_USER", "desk",
                        "SUPPORTDESK_SMTP_PASSWORD", "hunter2",
                        "SUPPORTDESK_MAIL_FROM", "support@example.com",
                        "SUPPORTDESK_PUBLIC_URL", "https://help.example.com/",
                        "SUPPORTDESK_TELEGRAM_API_URL", "http://127.0.0.1:9999",
                        "SUPPORTDESK_IMAP_POLL_SECONDS", "30"),
                Optional.empty());
        assertThat(mail.channels().smtp()).hasValueSatisfying(smtp -> {
            assertThat(smtp.host()).isEqualTo("smtp.example.com");
            assertThat(smtp.port()).isEqualTo(465);
            assertThat(smtp.security()).isEqualTo(ChannelSettings.Security.TLS);
            assertThat(smtp.password()).contains("hunter2");
            assertThat(smtp.timeout()).hasSeconds(10);
        });
        // The dispatcher's lease outlasts a whole SMTP attempt, and only when email is a channel.
        assertThat(mail.notifications().policy().lease())
                .isEqualTo(Duration.ofSeconds(10 * NotifySettings.SMTP_EXCHANGES + 10));
        assertThat(none.notifications().policy().lease()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mail.publicUrl()).hasToString("https://help.example.com");
        assertThat(mail.channels().telegramApiUrl()).hasToString("http://127.0.0.1:9999");
        assertThat(mail.channels().imapPollInterval()).hasSeconds(30);
        assertThat(mail.toString()).doesNotContain("hunter2");

        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_SMTP_HOST", "smtp.example.com"), Optional.empty()))
                .hasMessageContaining("SUPPORTDESK_MAIL_FROM");
        assertThatThrownBy(() -> Config.from(
                        Map.of(
                                "SUPPORTDESK_SMTP_HOST",
                                "h",
                                "SUPPORTDESK_MAIL_FROM",
                                "a@b",
                                "SUPPORTDESK_SMTP_SECURITY",
                                "ssl"),
                        Optional.empty()))
                .hasMessageContaining("SUPPORTDESK_SMTP_SECURITY");
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_MAIL_FROM", "Support <a@b>"), Optional.empty()))
                .hasMessageContaining("SUPPORTDESK_MAIL_FROM");
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_PUBLIC_URL", "ftp://x"), Optional.empty()))
                .hasMessageContaining("SUPPORTDESK_PUBLIC_URL");
    }

    @Test
    void reads_the_trusted_proxies_and_the_rate_limits_and_refuses_a_proxy_that_is_no_address() {
        Config config = Config.from(
                Map.of(
                        "SUPPORTDESK_TRUSTED_PROXIES", " 10.0.0.0/8, 192.168.1.7 ,",
                        "SUPPORTDESK_RATE_LIMIT_PER_PERSON", "60",
                        "SUPPORTDESK_RATE_LIMIT_PER_TENANT", "600",
                        "SUPPORTDESK_RATE_LIMIT_PER_ADDRESS", "30"),
                Optional.empty());

        assertThat(config.trustedProxies()).containsExactly("10.0.0.0/8", "192.168.1.7");
        assertThat(config.rateLimits()).isEqualTo(new RateLimits.Policy(60, 600, 30, Duration.ofMinutes(1)));
        assertThat(Config.from(Map.of(), Optional.empty()).rateLimits()).isEqualTo(RateLimits.Policy.standard());
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_TRUSTED_PROXIES", "lb.example.com"), Optional.empty()))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("SUPPORTDESK_TRUSTED_PROXIES");
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_RATE_LIMIT_PER_PERSON", "0"), Optional.empty()))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("SUPPORTDESK_RATE_LIMIT_PER_PERSON");
    }

    @Test
    void the_widget_origins_are_none_by_default_and_only_bare_http_origins_are_taken() {
        Config config = Config.from(
                Map.of(
                        "SUPPORTDESK_WIDGET_ORIGINS",
                        " https://Shop.Example.com/, http://127.0.0.1:8081 ,https://app.example.com:443"),
                Optional.empty());

        assertThat(config.widgetOrigins().origins())
                .containsExactlyInAnyOrder(
                        "https://shop.example.com", "http://127.0.0.1:8081", "https://app.example.com");
        assertThat(Config.from(Map.of(), Optional.empty()).widgetOrigins().origins())
                .isEmpty();
        for (String refused :
                new String[] {"*", "null", "shop.example.com", "https://shop.example.com/app", "ftp://x"}) {
            assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_WIDGET_ORIGINS", refused), Optional.empty()))
                    .as(refused)
                    .isInstanceOf(Config.InvalidConfig.class)
                    .hasMessageContaining("SUPPORTDESK_WIDGET_ORIGINS");
        }
    }

    @Test
    void the_database_socket_timeout_is_seconds_and_cuts_statements_at_two_thirds_of_it() {
        Map<String, String> database =
                Map.of("SUPPORTDESK_DB_URL", "jdbc:postgresql://db:5432/desk", "SUPPORTDESK_DB_USER", "desk");
        Map<String, String> shorter = new HashMap<>(database);
        shorter.put("SUPPORTDESK_DB_SOCKET_TIMEOUT", "3");

        assertThat(Config.from(database, Optional.empty()).database()).hasValueSatisfying(db -> {
            assertThat(db.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(db.statementTimeout()).isEqualTo(Duration.ofSeconds(20));
        });
        assertThat(Config.from(shorter, Optional.empty()).database()).hasValueSatisfying(db -> {
            assertThat(db.socketTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(db.statementTimeout()).isEqualTo(Duration.ofSeconds(2));
        });
        shorter.put("SUPPORTDESK_DB_SOCKET_TIMEOUT", "0");
        assertThatThrownBy(() -> Config.from(shorter, Optional.empty()))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("SUPPORTDESK_DB_SOCKET_TIMEOUT must be a whole number from 1 to 3600");
    }

    @Test
    void a_direct_url_puts_the_serving_pool_behind_a_pooler_and_needs_the_pooler_url() {
        Map<String, String> pooled = Map.of(
                "SUPPORTDESK_DB_URL", "jdbc:postgresql://pgbouncer:6432/desk",
                "SUPPORTDESK_DB_DIRECT_URL", "jdbc:postgresql://db:5432/desk",
                "SUPPORTDESK_DB_USER", "desk");

        assertThat(Config.from(pooled, Optional.empty()).database()).hasValueSatisfying(db -> {
            assertThat(db.throughPooler()).isTrue();
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://pgbouncer:6432/desk");
            assertThat(db.direct(2).jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/desk");
            assertThat(db.direct(2).throughPooler()).isFalse();
        });
        assertThat(Config.from(
                                Map.of(
                                        "SUPPORTDESK_DB_URL",
                                        "jdbc:postgresql://db:5432/desk",
                                        "SUPPORTDESK_DB_USER",
                                        "desk"),
                                Optional.empty())
                        .database())
                .hasValueSatisfying(db -> {
                    assertThat(db.throughPooler()).isFalse();
                    assertThat(db.direct(2).jdbcUrl()).isEqualTo(db.jdbcUrl());
                });
        assertThatThrownBy(() -> Config.from(
                        Map.of("SUPPORTDESK_DB_DIRECT_URL", "jdbc:postgresql://db:5432/desk"), Optional.empty()))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("SUPPORTDESK_DB_DIRECT_URL is for a pooler named by SUPPORTDESK_DB_URL");
    }

    @Test
    void the_environment_wins_over_the_file_and_the_file_over_the_defaults() throws IOException {
        Path file = properties("SUPPORTDESK_PORT=7070\nSUPPORTDESK_JWT_ISSUER=from-file\nSUPPORTDESK_HOST=10.0.0.1\n");

        Config config = Config.from(
                Map.of("SUPPORTDESK_PORT", "6060", "SUPPORTDESK_CONFIG_FILE", file.toString()), Optional.empty());

        assertThat(config.port()).isEqualTo(6060);
        assertThat(config.jwtIssuer()).isEqualTo("from-file");
        assertThat(config.host()).isEqualTo("10.0.0.1");
        assertThat(config.jwtAudience()).isEqualTo("supportdesk-api");
    }

    @Test
    void the_config_option_names_the_file_ahead_of_the_variable() throws IOException {
        Path option = properties("SUPPORTDESK_PORT=7070\n");
        Path variable = properties("SUPPORTDESK_PORT=5050\n");

        Config config = Config.from(Map.of("SUPPORTDESK_CONFIG_FILE", variable.toString()), Optional.of(option));

        assertThat(config.port()).isEqualTo(7070);
    }

    @Test
    void unrelated_environment_variables_are_ignored_but_unknown_file_keys_are_refused() throws IOException {
        assertThat(Config.from(Map.of("PATH", "/bin", "HOME", "/root"), Optional.empty())
                        .port())
                .isEqualTo(8080);

        Path file = properties("SUPPORTDESK_PROT=7070\n");
        assertThatThrownBy(() -> Config.from(Map.of(), Optional.of(file)))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("unknown key SUPPORTDESK_PROT");
    }

    @Test
    void a_missing_file_is_a_clear_error() {
        Path missing = dir.resolve("nope.properties");
        assertThatThrownBy(() -> Config.from(Map.of(), Optional.of(missing)))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("cannot read the configuration file " + missing);
    }

    @Test
    void a_secret_shorter_than_32_bytes_is_refused_naming_the_variable() {
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_JWT_SECRET", "too-short"), Optional.empty()))
                .isInstanceOf(Config.InvalidConfig.class)
                .hasMessageContaining("SUPPORTDESK_JWT_SECRET must be at least 32 bytes")
                .hasMessageContaining("got 9");
    }

    @Test
    void the_secret_length_counts_utf8_bytes_not_characters() {
        String sixteenCyrillicLetters = "абвгдеёжзийклмно"; // 16 characters, 32 bytes
        assertThat(Config.from(Map.of("SUPPORTDESK_JWT_SECRET", sixteenCyrillicLetters), Optional.empty())
                        .jwtSettings()
                        .secret())
                .hasSize(32);
    }

    @Test
    void malformed_numbers_and_a_url_without_a_user_are_refused() {
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_PORT", "eighty"), Optional.empty()))
                .hasMessageContaining("SUPPORTDESK_PORT must be a whole number from 0 to 65535, got 'eighty'");
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_PORT", "70000"), Optional.empty()))
                .hasMessageContaining("SUPPORTDESK_PORT");
        assertThatThrownBy(() -> Config.from(Map.of("SUPPORTDESK_DB_URL", "jdbc:postgresql://db/x"), Optional.empty()))
                .hasMessageContaining("SUPPORTDESK_DB_USER is required when SUPPORTDESK_DB_URL is set");
    }

    @Test
    void without_a_secret_one_is_generated_kept_0600_under_the_data_dir_and_reused() throws IOException {
        Path dataDir = dir.resolve("data");
        Config config = Config.from(Map.of("SUPPORTDESK_DATA_DIR", dataDir.toString()), Optional.empty());

        JwtSettings first = config.jwtSettings();
        JwtSettings again = Config.from(Map.of("SUPPORTDESK_DATA_DIR", dataDir.toString()), Optional.empty())
                .jwtSettings();

        Path kept = dataDir.resolve("jwt-secret");
        assertThat(kept).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept)))
                .isEqualTo("rw-------");
        assertThat(first.secret()).hasSizeGreaterThanOrEqualTo(32).isEqualTo(again.secret());
        assertThat(Files.readString(kept, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(first.secret());
    }

    @Test
    void a_configured_secret_is_used_and_nothing_is_written() {
        Path dataDir = dir.resolve("untouched");
        Config config = Config.from(
                Map.of("SUPPORTDESK_DATA_DIR", dataDir.toString(), "SUPPORTDESK_JWT_SECRET", SECRET), Optional.empty());

        assertThat(new String(config.jwtSettings().secret(), StandardCharsets.UTF_8))
                .isEqualTo(SECRET);
        assertThat(dataDir).doesNotExist();
    }

    private Path properties(String text) throws IOException {
        Path file = Files.createTempFile(dir, "supportdesk", ".properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
