package org.supportdesk.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.supportdesk.adapter.http.WidgetOrigins;
import org.supportdesk.adapter.http.auth.JwtSettings;
import org.supportdesk.adapter.http.limits.ClientAddress;
import org.supportdesk.adapter.http.limits.LoginThrottle;
import org.supportdesk.adapter.http.limits.RateLimits;
import org.supportdesk.adapter.http.limits.RequestLimits;
import org.supportdesk.adapter.persistence.DatabaseConfig;
import org.supportdesk.adapter.persistence.PostgresBinaries;
import org.supportdesk.adapter.persistence.SchemaOwner;
import org.supportdesk.application.ids.AesGcmSecretBox;
import org.supportdesk.application.mail.MailIdentity;
import org.supportdesk.application.mail.ReplyTokens;
import org.supportdesk.application.notify.ChannelOptions;
import org.supportdesk.application.notify.DispatchPolicy;
import org.supportdesk.application.notify.PortalLinks;
import org.supportdesk.domain.port.SecretBox;

/**
 * The server's configuration, read from environment variables and an optional properties file with the same keys;
 * the environment wins. Parsing is pure: the environment comes in as a map.
 *
 * @param database where the database is and the role that serves; empty means "start a local PostgreSQL cluster
 *     under the data directory"
 * @param schemaOwner the role that owns the schema, which migrations run as; empty means the serving role migrates
 *     (one role, with a warning at start-up)
 * @param jwtSecret the HMAC secret; empty means "generate one and keep it under the data directory"
 * @param postgresSearchPath where a local cluster looks for the PostgreSQL server binaries before falling back to the
 *     bundled ones; empty means {@code PATH}, then {@code /usr/lib/postgresql/<version>/bin}
 * @param trustedProxies the load balancers (addresses or CIDR ranges) whose {@code X-Forwarded-For} names the client
 * @param rateLimits requests per minute per person, per tenant and per client address without a sign-in
 * @param widgetOrigins the web applications whose pages embed the filing widget and may call its routes
 */
public record Config(
        Optional<DatabaseConfig> database,
        Optional<SchemaOwner> schemaOwner,
        String host,
        int port,
        Optional<String> jwtSecret,
        String jwtIssuer,
        String jwtAudience,
        Optional<String> jwksUrl,
        Path dataDir,
        Optional<List<Path>> postgresSearchPath,
        List<String> trustedProxies,
        RateLimits.Policy rateLimits,
        WidgetOrigins widgetOrigins,
        Optional<Path> attachmentsDir,
        NotifySettings notifications,
        ChannelSettings channels) {
    public static final String DB_URL = "SUPPORTDESK_DB_URL";
    /**
     * The database itself when {@value #DB_URL} names a transaction-mode pooler (docs/operations.md, "Behind
     * PgBouncer"); unset means {@value #DB_URL} is the database.
     */
    public static final String DB_DIRECT_URL = "SUPPORTDESK_DB_DIRECT_URL";

    public static final String DB_USER = "SUPPORTDESK_DB_USER";
    public static final String DB_PASSWORD = "SUPPORTDESK_DB_PASSWORD";
    public static final String DB_OWNER_USER = "SUPPORTDESK_DB_OWNER_USER";
    public static final String DB_OWNER_PASSWORD = "SUPPORTDESK_DB_OWNER_PASSWORD";
    public static final String DB_POOL_SIZE = "SUPPORTDESK_DB_POOL_SIZE";
    public static final String DB_SOCKET_TIMEOUT = "SUPPORTDESK_DB_SOCKET_TIMEOUT";
    public static final String HOST = "SUPPORTDESK_HOST";
    public static final String PORT = "SUPPORTDESK_PORT";
    public static final String JWT_SECRET = "SUPPORTDESK_JWT_SECRET";
    public static final String JWT_ISSUER = "SUPPORTDESK_JWT_ISSUER";
    public static final String JWT_AUDIENCE = "SUPPORTDESK_JWT_AUDIENCE";
    public static final String JWKS_URL = "SUPPORTDESK_JWKS_URL";
    public static final String DATA_DIR = "SUPPORTDESK_DATA_DIR";
    public static final String CONFIG_FILE = "SUPPORTDESK_CONFIG_FILE";
    public static final String POSTGRES_PATH = PostgresBinaries.SEARCH_PATH_VARIABLE;
    public static final String TRUSTED_PROXIES = "SUPPORTDESK_TRUSTED_PROXIES";
    public static final String RATE_LIMIT_PER_PERSON = "SUPPORTDESK_RATE_LIMIT_PER_PERSON";
    public static final String RATE_LIMIT_PER_TENANT = "SUPPORTDESK_RATE_LIMIT_PER_TENANT";
    public static final String RATE_LIMIT_PER_ADDRESS = "SUPPORTDESK_RATE_LIMIT_PER_ADDRESS";
    /** Where attachment bytes are kept (docs/operations.md); {@code <data directory>/attachments} when unset. */
    public static final String ATTACHMENTS_DIR = "SUPPORTDESK_ATTACHMENTS_DIR";
    /** The origins whose pages embed the filing widget (docs/widget.md); none when unset. */
    public static final String WIDGET_ORIGINS = "SUPPORTDESK_WIDGET_ORIGINS";

    static final Set<String> KEYS = Set.of(
            DB_URL,
            DB_DIRECT_URL,
            DB_USER,
            DB_PASSWORD,
            DB_OWNER_USER,
            DB_OWNER_PASSWORD,
            DB_POOL_SIZE,
            DB_SOCKET_TIMEOUT,
            HOST,
            PORT,
            JWT_SECRET,
            JWT_ISSUER,
            JWT_AUDIENCE,
            JWKS_URL,
            DATA_DIR,
            CONFIG_FILE,
            POSTGRES_PATH,
            TRUSTED_PROXIES,
            RATE_LIMIT_PER_PERSON,
            RATE_LIMIT_PER_TENANT,
            RATE_LIMIT_PER_ADDRESS,
            WIDGET_ORIGINS,
            ATTACHMENTS_DIR,
            NotifySettings.ALLOW_PRIVATE_TARGETS,
            NotifySettings.WEBHOOK_TIMEOUT,
            NotifySettings.SECRETS_KEY,
            NotifySettings.POLL_MILLIS,
            NotifySettings.WORKERS,
            NotifySettings.MAX_ATTEMPTS,
            NotifySettings.BACKOFF_MILLIS,
            NotifySettings.MAX_BACKOFF_SECONDS,
            NotifySettings.RETENTION_DAYS,
            ChannelSettings.PUBLIC_URL,
            ChannelSettings.SMTP_HOST,
            ChannelSettings.SMTP_PORT,
            ChannelSettings.SMTP_USER,
            ChannelSettings.SMTP_PASSWORD,
            ChannelSettings.SMTP_SECURITY,
            ChannelSettings.SMTP_TIMEOUT,
            ChannelSettings.MAIL_FROM,
            ChannelSettings.TELEGRAM_API_URL,
            ChannelSettings.IMAP_POLL_SECONDS,
            ChannelSettings.CHANGES_RETENTION_DAYS);

    public static final int DEFAULT_PORT = 8080;
    /** Local only until told otherwise: a server reachable from the network is a choice, not an accident. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final String EVERY_ADDRESS = "0.0.0.0";
    public static final String DEFAULT_ISSUER = "supportdesk";
    public static final String DEFAULT_AUDIENCE = "supportdesk-api";
    public static final Path DEFAULT_DATA_DIR = Path.of(".data");
    public static final int DEFAULT_POOL_SIZE = 10;
    private static final RateLimits.Policy STANDARD_RATES = RateLimits.Policy.standard();

    public Config {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(schemaOwner, "schemaOwner");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new InvalidConfig(PORT + " must be a port number (0-65535), got " + port);
        }
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        jwtSecret.ifPresent(Config::requireLongEnough);
        Objects.requireNonNull(jwtIssuer, "jwtIssuer");
        Objects.requireNonNull(jwtAudience, "jwtAudience");
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(postgresSearchPath, "postgresSearchPath");
        Objects.requireNonNull(attachmentsDir, "attachmentsDir");
        postgresSearchPath = postgresSearchPath.map(List::copyOf);
        trustedProxies = List.copyOf(trustedProxies);
        try {
            ClientAddress.behind(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfig(TRUSTED_PROXIES + " must list IP addresses or CIDR ranges: " + e.getMessage());
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(widgetOrigins, "widgetOrigins");
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(channels, "channels");
    }

    /**
     * Reads the configuration from {@code environment}, merged over the properties file named by {@code configFile}
     * (the {@code --config} option) or else by {@value #CONFIG_FILE}.
     *
     * @throws InvalidConfig naming the variable that is wrong
     */
    public static Config from(Map<String, String> environment, Optional<Path> configFile) {
        Map<String, String> values = new HashMap<>();
        Optional<Path> file =
                configFile.or(() -> nonBlank(environment, CONFIG_FILE).map(Path::of));
        file.ifPresent(path -> values.putAll(readFile(path)));
        environment.forEach((key, value) -> {
            if (KEYS.contains(key)) {
                values.put(key, value);
            }
        });
        return parse(values);
    }

    private static Config parse(Map<String, String> values) {
        Optional<DatabaseConfig> database = nonBlank(values, DB_URL)
                .map(url -> new DatabaseConfig(
                        url,
                        nonBlank(values, DB_USER)
                                .orElseThrow(
                                        () -> new InvalidConfig(DB_USER + " is required when " + DB_URL + " is set")),
                        values.getOrDefault(DB_PASSWORD, ""),
                        integer(values, DB_POOL_SIZE, DEFAULT_POOL_SIZE, 1, 1_000),
                        Duration.ofSeconds(integer(
                                values,
                                DB_SOCKET_TIMEOUT,
                                (int) DatabaseConfig.DEFAULT_SOCKET_TIMEOUT.toSeconds(),
                                1,
                                3_600)),
                        nonBlank(values, DB_DIRECT_URL)));
        if (database.isEmpty() && nonBlank(values, DB_DIRECT_URL).isPresent()) {
            throw new InvalidConfig(DB_DIRECT_URL + " is for a pooler named by " + DB_URL + "; set both or neither");
        }
        Optional<SchemaOwner> schemaOwner = nonBlank(values, DB_OWNER_USER)
                .map(owner -> new SchemaOwner(owner, values.getOrDefault(DB_OWNER_PASSWORD, "")));
        if (schemaOwner.isPresent() && database.isEmpty()) {
            throw new InvalidConfig(DB_OWNER_USER + " is for a database named by " + DB_URL + "; the local cluster has"
                    + " its own roles");
        }
        if (schemaOwner.isPresent()
                && schemaOwner.get().user().equals(database.get().user())) {
            throw new InvalidConfig(DB_OWNER_USER + " must name another role than " + DB_USER
                    + ": the role that serves must not own the schema");
        }
        ChannelSettings channels = channels(values);
        return new Config(
                database,
                schemaOwner,
                nonBlank(values, HOST).orElse(DEFAULT_HOST),
                integer(values, PORT, DEFAULT_PORT, 0, 65_535),
                nonBlank(values, JWT_SECRET),
                nonBlank(values, JWT_ISSUER).orElse(DEFAULT_ISSUER),
                nonBlank(values, JWT_AUDIENCE).orElse(DEFAULT_AUDIENCE),
                nonBlank(values, JWKS_URL),
                nonBlank(values, DATA_DIR).map(Path::of).orElse(DEFAULT_DATA_DIR),
                nonBlank(values, POSTGRES_PATH).map(PostgresBinaries::parseSearchPath),
                list(values, TRUSTED_PROXIES),
                new RateLimits.Policy(
                        integer(values, RATE_LIMIT_PER_PERSON, (int) STANDARD_RATES.perPerson(), 1, 1_000_000),
                        integer(values, RATE_LIMIT_PER_TENANT, (int) STANDARD_RATES.perTenant(), 1, 10_000_000),
                        integer(values, RATE_LIMIT_PER_ADDRESS, (int) STANDARD_RATES.perAddress(), 1, 1_000_000),
                        STANDARD_RATES.window()),
                widgetOrigins(list(values, WIDGET_ORIGINS)),
                nonBlank(values, ATTACHMENTS_DIR).map(Path::of),
                notifications(values, channels.smtp().map(ChannelSettings.Smtp::timeout)),
                channels);
    }

    /** A comma-separated list, its entries stripped, empty ones dropped; empty when unset. */
    private static List<String> list(Map<String, String> values, String key) {
        return nonBlank(values, key)
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(entry -> !entry.isEmpty())
                        .toList())
                .orElse(List.of());
    }

    private static WidgetOrigins widgetOrigins(List<String> origins) {
        try {
            return WidgetOrigins.of(origins);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfig(WIDGET_ORIGINS + " must list origins separated by ',': " + e.getMessage());
        }
    }

    private static ChannelSettings channels(Map<String, String> values) {
        Optional<ChannelSettings.Smtp> smtp = nonBlank(values, ChannelSettings.SMTP_HOST)
                .map(host -> {
                    String rawSecurity =
                            nonBlank(values, ChannelSettings.SMTP_SECURITY).orElse("starttls");
                    ChannelSettings.Security security = ChannelSettings.Security.parse(rawSecurity)
                            .orElseThrow(() -> new InvalidConfig(ChannelSettings.SMTP_SECURITY
                                    + " must be none, starttls or tls, got '" + rawSecurity + "'"));
                    return new ChannelSettings.Smtp(
                            host,
                            integer(values, ChannelSettings.SMTP_PORT, security.defaultPort(), 1, 65_535),
                            nonBlank(values, ChannelSettings.SMTP_USER),
                            nonBlank(values, ChannelSettings.SMTP_PASSWORD),
                            security,
                            Duration.ofSeconds(integer(values, ChannelSettings.SMTP_TIMEOUT, 10, 1, 120)));
                });
        Optional<String> mailFrom = nonBlank(values, ChannelSettings.MAIL_FROM);
        if (smtp.isPresent() && mailFrom.isEmpty()) {
            throw new InvalidConfig(
                    ChannelSettings.MAIL_FROM + " is required when " + ChannelSettings.SMTP_HOST + " is set");
        }
        mailFrom.filter(from -> !from.matches("[^@\\s<>\"]+@[A-Za-z0-9.-]+")).ifPresent(from -> {
            throw new InvalidConfig(ChannelSettings.MAIL_FROM + " must be a mail address, got '" + from + "'");
        });
        return new ChannelSettings(
                nonBlank(values, ChannelSettings.PUBLIC_URL).map(url -> httpUrl(ChannelSettings.PUBLIC_URL, url)),
                smtp,
                mailFrom,
                nonBlank(values, ChannelSettings.TELEGRAM_API_URL)
                        .map(url -> httpUrl(ChannelSettings.TELEGRAM_API_URL, url))
                        .orElse(ChannelSettings.DEFAULT_TELEGRAM_API_URL),
                Duration.ofSeconds(integer(values, ChannelSettings.IMAP_POLL_SECONDS, 60, 5, 86_400)),
                Duration.ofDays(integer(
                        values,
                        ChannelSettings.CHANGES_RETENTION_DAYS,
                        (int) ChannelSettings.DEFAULT_CHANGE_RETENTION.toDays(),
                        1,
                        3_650)));
    }

    private static URI httpUrl(String key, String raw) {
        try {
            URI url = new URI(raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw);
            if (("http".equals(url.getScheme()) || "https".equals(url.getScheme())) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException malformed) {
            // reported below
        }
        throw new InvalidConfig(key + " must be an http or https URL, got '" + raw + "'");
    }

    /** The outbox's settings; its lease outlasts an SMTP attempt when email is a channel ({@code smtpTimeout}). */
    private static NotifySettings notifications(Map<String, String> values, Optional<Duration> smtpTimeout) {
        Duration timeout = Duration.ofSeconds(integer(values, NotifySettings.WEBHOOK_TIMEOUT, 10, 1, 120));
        DispatchPolicy standard = DispatchPolicy.standard();
        Duration backoff = Duration.ofMillis(integer(
                values,
                NotifySettings.BACKOFF_MILLIS,
                (int) standard.baseBackoff().toMillis(),
                10,
                3_600_000));
        Duration cap = Duration.ofSeconds(integer(
                values,
                NotifySettings.MAX_BACKOFF_SECONDS,
                (int) standard.maxBackoff().toSeconds(),
                1,
                86_400));
        return new NotifySettings(
                flag(values, NotifySettings.ALLOW_PRIVATE_TARGETS),
                timeout,
                nonBlank(values, NotifySettings.SECRETS_KEY).map(Config::requireLongKey),
                Duration.ofMillis(integer(values, NotifySettings.POLL_MILLIS, 1_000, 50, 600_000)),
                integer(values, NotifySettings.WORKERS, 2, 1, 32),
                new DispatchPolicy(
                        integer(values, NotifySettings.MAX_ATTEMPTS, standard.maxAttempts(), 1, 100),
                        backoff,
                        backoff.compareTo(cap) > 0 ? backoff : cap,
                        smtpTimeout
                                .map(smtp -> NotifySettings.leaseFor(timeout, smtp))
                                .orElseGet(() -> NotifySettings.leaseFor(timeout))),
                Duration.ofDays(integer(values, NotifySettings.RETENTION_DAYS, 14, 1, 3_650)));
    }

    private static boolean flag(Map<String, String> values, String key) {
        Optional<String> raw = nonBlank(values, key);
        if (raw.isEmpty() || raw.get().equalsIgnoreCase("false")) {
            return false;
        }
        if (raw.get().equalsIgnoreCase("true")) {
            return true;
        }
        throw new InvalidConfig(key + " must be true or false, got '" + raw.get() + "'");
    }

    private static String requireLongKey(String key) {
        if (key.getBytes(StandardCharsets.UTF_8).length < JwtSettings.MIN_SECRET_BYTES) {
            throw new InvalidConfig(NotifySettings.SECRETS_KEY + " must be at least " + JwtSettings.MIN_SECRET_BYTES
                    + " bytes; unset it to have one generated under the data directory");
        }
        return key;
    }

    /**
     * What webhook secrets are sealed under: the configured key, or the one kept under the data directory (made on
     * first use). Several instances must share it.
     */
    public SecretBox secretBox() {
        return AesGcmSecretBox.derivedFrom(secretsKey());
    }

    /**
     * What the channels know of this deployment: its public URL, its mail identity (from {@code SUPPORTDESK_MAIL_FROM},
     * else {@link ChannelOptions#DEFAULT_SENDER}) for inbound mail, and that identity for outgoing mail when email is a
     * channel.
     */
    public ChannelOptions channelOptions() {
        MailIdentity identity = MailIdentity.of(
                channels.mailFrom().orElse(ChannelOptions.DEFAULT_SENDER), ReplyTokens.derivedFrom(secretsKey()));
        return new ChannelOptions(new PortalLinks(publicUrl()), channels.smtp().map(smtp -> identity), identity);
    }

    private String secretsKey() {
        return notifications
                .secretsKey()
                .orElseGet(() -> KeptSecret.loadOrCreate(
                        dataDir.resolve(NotifySettings.KEY_FILE_NAME), NotifySettings.SECRETS_KEY));
    }

    /** The same configuration listening on {@code newPort} (the {@code --port} option). */
    public Config withPort(int newPort) {
        return new Config(
                database,
                schemaOwner,
                host,
                newPort,
                jwtSecret,
                jwtIssuer,
                jwtAudience,
                jwksUrl,
                dataDir,
                postgresSearchPath,
                trustedProxies,
                rateLimits,
                widgetOrigins,
                attachmentsDir,
                notifications,
                channels);
    }

    /** Where requests come from, and how many each caller may send, as configured. */
    public RequestLimits requestLimits(InstantSource clock) {
        return new RequestLimits(
                ClientAddress.behind(trustedProxies), new RateLimits(rateLimits), LoginThrottle.withDefaults(clock));
    }

    /** Where a client on this machine reaches the server: the bound address, or loopback when it binds every one. */
    public String localAddress() {
        return EVERY_ADDRESS.equals(host) ? "127.0.0.1" : host;
    }

    /** Where people reach the server: {@value ChannelSettings#PUBLIC_URL}, else the local address it listens on. */
    public URI publicUrl() {
        return channels.publicUrl().orElseGet(() -> URI.create("http://" + localAddress() + ":" + port));
    }

    /** The directory attachment bytes live under: the configured one, else {@code attachments} in the data directory. */
    public Path attachmentsRoot() {
        return attachmentsDir.orElseGet(() -> dataDir.resolve("attachments"));
    }

    /** The token settings: the configured secret, or the one kept under the data directory (made on first use). */
    public JwtSettings jwtSettings() {
        String secret =
                jwtSecret.orElseGet(() -> KeptSecret.loadOrCreate(dataDir.resolve(KeptSecret.FILE_NAME), JWT_SECRET));
        return JwtSettings.of(secret, jwtIssuer, jwtAudience, jwksUrl);
    }

    /** Without the secrets: the database password and the JWT secret are never printed or logged. */
    @Override
    public String toString() {
        return "Config[database="
                + database.map(d -> d.jdbcUrl()
                                + d.directUrl()
                                        .map(direct -> " (direct " + direct + ")")
                                        .orElse("") + " as " + d.user())
                        .orElse("local cluster")
                + schemaOwner.map(owner -> ", migrated as " + owner.user()).orElse("")
                + ", host=" + host + ", port=" + port + ", jwtSecret=" + (jwtSecret.isPresent() ? "(set)" : "(kept)")
                + ", jwtIssuer=" + jwtIssuer + ", jwtAudience=" + jwtAudience + ", jwksUrl=" + jwksUrl.orElse("none")
                + ", dataDir=" + dataDir + ", postgresSearchPath="
                + postgresSearchPath.map(Object::toString).orElse("default") + ", trustedProxies=" + trustedProxies
                + ", rateLimits=" + rateLimits + ", widgetOrigins=" + widgetOrigins + ", attachmentsDir="
                + attachmentsRoot() + ", notifications="
                + notifications + ", channels=" + channels + "]";
    }

    private static void requireLongEnough(String secret) {
        int bytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < JwtSettings.MIN_SECRET_BYTES) {
            throw new InvalidConfig(JWT_SECRET + " must be at least " + JwtSettings.MIN_SECRET_BYTES
                    + " bytes of UTF-8, got " + bytes + "; unset it to have one generated under the data directory");
        }
    }

    private static Map<String, String> readFile(Path path) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new InvalidConfig("cannot read the configuration file " + path + ": " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key) || CONFIG_FILE.equals(key)) {
                throw new InvalidConfig("unknown key " + key + " in " + path + "; known keys: "
                        + KEYS.stream()
                                .filter(k -> !CONFIG_FILE.equals(k))
                                .sorted()
                                .toList());
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    private static Optional<String> nonBlank(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static int integer(Map<String, String> values, String key, int fallback, int min, int max) {
        Optional<String> raw = nonBlank(values, key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new InvalidConfig(
                key + " must be a whole number from " + min + " to " + max + ", got '" + raw.get() + "'");
    }

    /** A configuration value that is missing, malformed or out of range; the message names the variable. */
    public static final class InvalidConfig extends IllegalArgumentException {
        public InvalidConfig(String message) {
            super(message);
        }
    }
}
