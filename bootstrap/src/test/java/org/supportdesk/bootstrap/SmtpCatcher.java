package org.supportdesk.bootstrap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A real SMTP server in this process (GreenMail) for the email tests: on a free port, which it keeps when stopped and
 * started again (a mail server down for a while, then back).
 */
final class SmtpCatcher implements AutoCloseable {
    private final int port;
    private GreenMail server;

    private SmtpCatcher(GreenMail server) {
        this.server = server;
        this.port = server.getSmtp().getPort();
    }

    static SmtpCatcher start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        return new SmtpCatcher(server);
    }

    int port() {
        return port;
    }

    /** The server settings that send the server's mail here, as {@code from}. */
    Map<String, String> settings(String from) {
        return Map.of(
                ChannelSettings.SMTP_HOST, "127.0.0.1",
                ChannelSettings.SMTP_PORT, Integer.toString(port),
                ChannelSettings.SMTP_SECURITY, "none",
                ChannelSettings.SMTP_TIMEOUT, "2",
                ChannelSettings.MAIL_FROM, from,
                ChannelSettings.PUBLIC_URL, "https://desk.acme.example");
    }

    /** Down: connections to the port are refused. What it received is forgotten. */
    synchronized void stop() {
        server.stop();
    }

    /**
     * Back on the same port, empty. The port may be briefly taken when it comes back: while it was down, a client's
     * connection to it can take the port itself (a TCP self-connect, when the port is in the ephemeral range) and holds
     * it until its own timeout; so binding is retried for a bounded while.
     */
    synchronized void restart() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            // Rebinding the port just released can take longer than GreenMail's default 2 s on a busy machine (CI).
            ServerSetup setup = ServerSetupTest.SMTP.withPort(port);
            setup.setServerStartupTimeout(10_000);
            GreenMail restarted = new GreenMail(setup);
            try {
                restarted.start();
                server = restarted;
                return;
            } catch (IllegalStateException portTaken) {
                restarted.stop();
                if (System.nanoTime() > deadline) {
                    throw portTaken;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for the SMTP port", e);
        }
    }

    /** Every mail received (one per recipient), oldest first. */
    synchronized List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    List<MimeMessage> received(Predicate<MimeMessage> which) {
        return received().stream().filter(which).toList();
    }

    /** Waits for {@code done}; a deadline only turns a hang into a failure, nothing is measured. */
    static void await(String what, int seconds, BooleanSupplier done) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The address the mail went to (each of ours has exactly one). */
    static String to(MimeMessage mail) {
        try {
            return ((InternetAddress) mail.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The mail's plain-text and HTML parts, in that order. */
    static List<String> parts(MimeMessage mail) {
        try {
            MimeMultipart multipart = (MimeMultipart) mail.getContent();
            return List.of((String) multipart.getBodyPart(0).getContent(), (String)
                    multipart.getBodyPart(1).getContent());
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        server.stop();
    }
}
