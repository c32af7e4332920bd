package org.supportdesk.bootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supportdesk.application.admin.CreateTenant;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.problem.DomainException;
import org.supportdesk.domain.tenant.Email;
import org.supportdesk.domain.tenant.Password;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.TenantSlug;

/**
 * The command line of the runnable jar: {@code serve}, {@code migrate}, {@code tenant create} and
 * {@code journal verify}. The only class that
 * writes to the console; everything else logs.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** Where {@code tenant create} reads the first admin's password when no file is named. */
    static final String ADMIN_PASSWORD = "SUPPORTDESK_ADMIN_PASSWORD";

    static final String USAGE_TEXT =
            """
            Usage: supportdesk <command> [options]

            Commands:
              serve [--demo] [--port N] [--config FILE]
                  Run the REST server. --demo seeds a demo tenant (slug "demo") on first run and prints how to sign in.
              migrate [--config FILE]
                  Apply the database migrations and exit.
              tenant create --slug SLUG --name NAME --admin-email EMAIL [--admin-password-file FILE]
                            [--admin-name NAME] [--config FILE]
                  Create a tenant with its default settings, SLA policy v1 and its first admin, whose password
                  is the first line of FILE or else SUPPORTDESK_ADMIN_PASSWORD (never a command-line argument).
              journal verify [--config FILE]
                  Walk every tenant's hash-chained journal and report whether any entry was altered, removed or
                  reordered behind the application's back (exit status 1 if so), with each chain's newest hash.
              help
                  Show this text.

            Configuration comes from SUPPORTDESK_* environment variables and an optional properties file
            (--config FILE or SUPPORTDESK_CONFIG_FILE); see docs/operations.md. Without SUPPORTDESK_DB_URL a local
            PostgreSQL cluster is started and kept under the data directory (SUPPORTDESK_DATA_DIR, default ./.data).
            """;

    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;
    private Supportdesk running;

    Main(Map<String, String> environment, PrintStream out, PrintStream err) {
        this.environment = Map.copyOf(environment);
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        Main cli = new Main(System.getenv(), System.out, System.err);
        int code = cli.run(args);
        if (code != OK) {
            System.exit(code);
        }
        cli.running().ifPresent(server -> Runtime.getRuntime()
                .addShutdownHook(new Thread(server::close, "supportdesk-shutdown")));
        // The HTTP server's threads keep the JVM alive until it is told to stop (Ctrl-C, SIGTERM).
    }

    /** Runs a command; {@code serve} returns once the server is up, leaving it in {@link #running()}. */
    int run(String... args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (BadUsage e) {
            err.println("supportdesk: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        try {
            return switch (arguments.command()) {
                case "help" -> {
                    out.print(USAGE_TEXT);
                    yield OK;
                }
                case "serve" -> serve(arguments);
                case "migrate" -> migrate(arguments);
                case "tenant create" -> createTenant(arguments);
                case "journal verify" -> verifyJournals(arguments);
                default -> throw new IllegalStateException("unhandled command " + arguments.command());
            };
        } catch (IllegalArgumentException | DomainException e) {
            err.println("supportdesk: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            // Start-up failures (database unreachable or refused, port taken…): one line and its causes, no trace.
            err.println("supportdesk: " + e.getMessage() + causes(e));
            return FAILED;
        }
    }

    Optional<Supportdesk> running() {
        return Optional.ofNullable(running);
    }

    private int serve(Arguments arguments) {
        Config config = config(arguments);
        if (arguments.options().containsKey("--port")) {
            config = config.withPort(arguments.port());
        }
        running = Supportdesk.start(config);
        String base = "http://" + config.localAddress() + ":" + running.port();
        out.println("Supportdesk is running at " + base + " (listening on " + config.host() + ":" + running.port()
                + "). Stop it with Ctrl-C.");
        if (arguments.flags().contains("--demo")) {
            try {
                printDemo(
                        new DemoSeed(running.stores().tenants(), running.useCases(), Clock.systemUTC())
                                .seed(config.dataDir()),
                        base);
            } catch (RuntimeException e) {
                running.close();
                running = null;
                throw e;
            }
        }
        return OK;
    }

    private void printDemo(DemoSeed.Demo demo, String base) {
        out.println();
        out.println(
                demo.seeded()
                        ? "Seeded the demo tenant \"" + DemoSeed.SLUG + "\"."
                        : "The demo tenant \"" + DemoSeed.SLUG + "\" is already there.");
        out.println("Sign in to tenant \"" + DemoSeed.SLUG + "\" with one of these accounts:");
        for (DemoSeed.Account account : demo.accounts()) {
            out.printf(
                    "  %-9s %-22s %-30s password: %s%n",
                    account.role().wireName(),
                    account.email(),
                    account.name(),
                    account.password().orElse("(unknown: " + demo.passwordFile() + " is missing)"));
        }
        String password = demo.accounts().get(0).password().orElse("PASSWORD");
        out.println();
        out.println("Open the pages in a browser (organisation \"" + DemoSeed.SLUG + "\", one of the accounts above):");
        out.println("  customer portal  " + base + "/");
        out.println("  agent console    " + base + "/desk/");
        out.println("  widget demo      " + base + "/widget/demo.html");
        out.println();
        out.println("Get a token (POST /api/v1/auth/login), then send it as 'Authorization: Bearer <token>':");
        out.println("  curl -s -X POST " + base + "/api/v1/auth/login -H 'Content-Type: application/json' \\");
        out.println("       -d '{\"tenant\":\"" + DemoSeed.SLUG + "\",\"email\":\""
                + demo.accounts().get(0).email() + "\",\"password\":\"" + password + "\"}'");
        out.println("More examples: README.md, \"Try it\".");
    }

    private int migrate(Arguments arguments) {
        Config config = config(arguments);
        try (OpenDatabase database = OpenDatabase.open(config)) {
            out.println("The database is migrated.");
        }
        return OK;
    }

    private int createTenant(Arguments arguments) {
        CreateTenant.Command request = CreateTenant.Command.withAdmin(
                new TenantSlug(arguments.required("--slug")),
                arguments.required("--name"),
                new CreateTenant.FirstAdmin(
                        Email.of(arguments.required("--admin-email")),
                        arguments.options().getOrDefault("--admin-name", "Administrator"),
                        new Password(adminPassword(arguments))));
        Config config = config(arguments);
        try (OpenDatabase database = OpenDatabase.open(config)) {
            CreateTenant.Created created = Core.over(database.jdbi(), Clock.systemUTC(), config)
                    .useCases()
                    .createTenant()
                    .handle(request);
            Email admin = created.admin().orElseThrow().email();
            out.println(
                    "Created tenant \"" + request.slug() + "\" (" + created.tenant() + ") with admin " + admin + ".");
            out.println("Sign in with POST /api/v1/auth/login {\"tenant\":\"" + request.slug() + "\",\"email\":\""
                    + admin + "\",\"password\":…}");
        }
        return OK;
    }

    private int verifyJournals(Arguments arguments) {
        Config config = config(arguments);
        try (OpenDatabase database = OpenDatabase.open(config)) {
            Core core = Core.over(database.jdbi(), Clock.systemUTC(), config);
            boolean allVerified = true;
            for (TenantId tenant : core.stores().tenants().all()) {
                ChainVerdict verdict = core.useCases().admin().verifyJournal().ofTenant(tenant);
                allVerified &= verdict.verified();
                out.println("tenant " + tenant.value() + ": "
                        + (verdict.verified()
                                ? "verified, " + verdict.entries() + " entries, head " + verdict.headHash()
                                : "BROKEN at entry " + verdict.firstBrokenAt().getAsLong() + " of "
                                        + verdict.entries()));
            }
            return allVerified ? OK : FAILED;
        }
    }

    /**
     * The first admin's password, from the file named by {@code --admin-password-file} (its first line) or else
     * {@value #ADMIN_PASSWORD}: never from an argument, which every user of the machine can read in the process list.
     */
    private String adminPassword(Arguments arguments) {
        String file = arguments.options().get("--admin-password-file");
        if (file != null) {
            try {
                return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new BadUsage("--admin-password-file: cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        String fromEnvironment = environment.get(ADMIN_PASSWORD);
        if (fromEnvironment == null) {
            throw new BadUsage("'tenant create' needs the first admin's password: set " + ADMIN_PASSWORD
                    + " or name a file with --admin-password-file");
        }
        return fromEnvironment;
    }

    private Config config(Arguments arguments) {
        return Config.from(
                environment,
                Optional.ofNullable(arguments.options().get("--config")).map(Path::of));
    }

    private static String causes(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                text.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** A command line the program cannot make sense of. */
    static final class BadUsage extends IllegalArgumentException {
        BadUsage(String message) {
            super(message);
        }
    }

    /** The command and its options, checked against what the command accepts. */
    record Arguments(String command, Map<String, String> options, List<String> flags) {
        private static final Map<String, List<String>> OPTIONS = Map.of(
                "serve", List.of("--port", "--config"),
                "migrate", List.of("--config"),
                "tenant create",
                        List.of(
                                "--slug",
                                "--name",
                                "--admin-email",
                                "--admin-password-file",
                                "--admin-name",
                                "--config"),
                "journal verify", List.of("--config"),
                "help", List.of());
        private static final Map<String, List<String>> FLAGS = Map.of("serve", List.of("--demo"));

        static Arguments parse(String... args) {
            if (args.length == 0) {
                throw new BadUsage("no command given");
            }
            int next = 1;
            String command = args[0];
            if ("--help".equals(command) || "-h".equals(command)) {
                command = "help";
            }
            if ("tenant".equals(command)) {
                if (args.length < 2 || !"create".equals(args[1])) {
                    throw new BadUsage("'tenant' takes a subcommand: tenant create …");
                }
                command = "tenant create";
                next = 2;
            }
            if ("journal".equals(command)) {
                if (args.length < 2 || !"verify".equals(args[1])) {
                    throw new BadUsage("'journal' takes a subcommand: journal verify");
                }
                command = "journal verify";
                next = 2;
            }
            if (!OPTIONS.containsKey(command)) {
                throw new BadUsage("unknown command '" + args[0] + "'");
            }
            Map<String, String> options = new HashMap<>();
            List<String> flags = new ArrayList<>();
            for (int i = next; i < args.length; i++) {
                String arg = args[i];
                if (FLAGS.getOrDefault(command, List.of()).contains(arg)) {
                    flags.add(arg);
                } else if ("--admin-password".equals(arg)) {
                    throw new BadUsage("--admin-password is not taken: an argument is visible to every user of the"
                            + " machine and kept in shell history; set " + ADMIN_PASSWORD
                            + " or name a file with --admin-password-file");
                } else if (OPTIONS.get(command).contains(arg)) {
                    if (i + 1 >= args.length) {
                        throw new BadUsage(arg + " needs a value");
                    }
                    options.put(arg, args[++i]);
                } else {
                    throw new BadUsage("'" + command + "' does not take " + arg);
                }
            }
            Arguments arguments = new Arguments(command, Map.copyOf(options), List.copyOf(flags));
            if (options.containsKey("--port")) {
                arguments.port();
            }
            if ("tenant create".equals(command)) {
                List.of("--slug", "--name", "--admin-email").forEach(arguments::required);
            }
            return arguments;
        }

        String required(String option) {
            String value = options.get(option);
            if (value == null || value.isBlank()) {
                throw new BadUsage("'" + command + "' needs " + option);
            }
            return value;
        }

        int port() {
            String raw = options.get("--port");
            try {
                int port = Integer.parseInt(raw);
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new BadUsage("--port must be a port number (0-65535), got '" + raw + "'");
        }
    }
}
