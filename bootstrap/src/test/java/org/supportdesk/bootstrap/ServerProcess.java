package org.supportdesk.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The real server, {@code Main serve}, as a child JVM on the test's class path, its output appended to a log file. It
 * is killed with {@code SIGKILL} ({@link Process#destroyForcibly()}: no shutdown hook, no clean close), and never
 * outlives the test: callers close it in {@code finally}, and a shutdown hook of the test JVM kills any left.
 */
final class ServerProcess implements AutoCloseable {
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> LIVE.forEach(Process::destroyForcibly), "supportdesk-kill-child-servers"));
    }

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code serve --port port} with only {@code environment} for its SUPPORTDESK_* settings. */
    static ServerProcess start(Map<String, String> environment, int port, Path log) {
        return start(List.of("-Xmx512m"), environment, port, log);
    }

    /** {@link #start(Map, int, Path)} with {@code jvmOptions} (the heap, say) instead of the default ones. */
    static ServerProcess start(List<String> jvmOptions, Map<String, String> environment, int port, Path log) {
        return launch(
                jvmOptions, Main.class.getName(), List.of("serve", "--port", String.valueOf(port)), environment, log);
    }

    /**
     * Starts {@code mainClass} of the test's class path with {@code arguments}, in a JVM with {@code jvmOptions}, and
     * only {@code environment} for its SUPPORTDESK_* settings.
     */
    static ServerProcess launch(
            List<String> jvmOptions,
            String mainClass,
            List<String> arguments,
            Map<String, String> environment,
            Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("SUPPORTDESK_"));
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            LIVE.add(process);
            return new ServerProcess(process, log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}, and waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server process " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the server", e);
        } finally {
            LIVE.remove(process);
        }
    }

    /** The end of the log the server processes of a run appended to, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        kill();
    }
}
