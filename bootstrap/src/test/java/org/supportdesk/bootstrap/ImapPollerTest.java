package org.supportdesk.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Flags;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.supportdesk.application.inbound.PollMailbox;

/**
 * The IMAP poller against a real IMAP server (GreenMail) and the whole server on PostgreSQL: an unseen mail is filed
 * and marked seen only after it was taken; a mail the core refuses is marked seen and never offered again; a
 * re-delivered mail (seen flag lost) is not filed twice; the password is never shown; and a mailbox that cannot be
 * reached fails its own tenant's round only.
 */
@Timeout(300)
class ImapPollerTest {
    private static final String PASSWORD = "imap-secret-password";

    private static InboundMailWorld world;
    private static GreenMail imap;
    private static GreenMailUser support;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        imap = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        imap.start();
        support = imap.setUser("support@acme.example", "support", PASSWORD);
        // GreenMail listens on loopback, which the target guard refuses unless private targets are allowed.
        world = InboundMailWorld.start(dataDir, Map.of(NotifySettings.ALLOW_PRIVATE_TARGETS, "true"));
        TestHttp.Response configured = world.http.send(
                world.admin,
                "PUT",
                "/api/v1/channels/email",
                """
                {"support_address": "support@acme.example",
                 "imap": {"host": "127.0.0.1", "port": %d, "security": "none", "username": "support",
                          "password": "%s", "folder": "INBOX"}}"""
                        .formatted(imap.getImap().getPort(), PASSWORD));
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (world != null) {
            world.close();
        }
        if (imap != null) {
            imap.stop();
        }
    }

    private static int poll() {
        return world.server.desk.useCases().emailIn().pollMailbox().handle(new PollMailbox.Command(world.acme()));
    }

    private static void deliver(byte[] raw) {
        support.deliver(GreenMailUtil.newMimeMessage(new ByteArrayInputStream(raw)));
    }

    private static List<StoredMessage> inbox() throws FolderException {
        return imap.getManagers().getImapHostManager().getInbox(support).getMessages();
    }

    @Test
    void an_unseen_mail_is_filed_marked_seen_and_not_filed_again_when_redelivered() throws Exception {
        long tickets = world.tickets();
        deliver(TestMail.from("\"Paula Poll\" <paula@example.org>")
                .header("Message-ID", "<polled-once@example.org>")
                .subject("Polled from IMAP")
                .text("Found in the mailbox.")
                .bytes());

        assertThat(poll()).isEqualTo(1);
        assertThat(world.tickets()).isEqualTo(tickets + 1);
        assertThat(inbox()).allMatch(m -> m.isSet(Flags.Flag.SEEN));
        assertThat(poll()).as("nothing unseen is left").isZero();

        // The seen flag lost (another client, a restored mailbox): offered again, filed once all the same.
        for (StoredMessage message : inbox()) {
            if ("<polled-once@example.org>".equals(message.getMimeMessage().getMessageID())) {
                message.setFlag(Flags.Flag.SEEN, false);
            }
        }
        assertThat(poll()).isEqualTo(1);
        assertThat(world.tickets()).isEqualTo(tickets + 1);
    }

    @Test
    void a_mail_the_core_refuses_is_marked_seen_and_never_offered_again() throws FolderException {
        long tickets = world.tickets();
        deliver("Subject: no sender at all\r\nMessage-ID: <nobody@example.org>\r\n\r\nWho am I?\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(poll()).isEqualTo(1);
        assertThat(poll()).isZero();
        assertThat(world.tickets()).isEqualTo(tickets);
        assertThat(inbox()).allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    @Test
    void the_imap_password_is_never_shown() {
        TestHttp.Response shown = world.http.get(world.admin, "/api/v1/channels/email");

        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json().get("imap").get("password_set").asBoolean()).isTrue();
        assertThat(shown.json().get("imap").get("username").asText()).isEqualTo("support");
        assertThat(shown.json().get("inbound_secret").isNull()).isTrue();
        assertThat(shown.body()).doesNotContain(PASSWORD);
    }

    @Test
    void a_mailbox_that_cannot_be_reached_fails_its_own_tenant_only() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String globexAdmin = world.server.signIn("globex", "boss@globex.example", "globex-boss-password");
        TestHttp.Response configured = world.http.send(
                globexAdmin,
                "PUT",
                "/api/v1/channels/email",
                """
                {"support_address": "support@globex.example",
                 "imap": {"host": "127.0.0.1", "port": %d, "security": "none", "username": "nobody",
                          "password": "wrong"}}"""
                        .formatted(closed));
        assertThat(configured.status()).as(configured.body()).isEqualTo(201);
        PollMailbox poller = world.server.desk.useCases().emailIn().pollMailbox();

        assertThatThrownBy(() -> poller.handle(new PollMailbox.Command(world.globexBoss.tenant())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("wrong");
        deliver(TestMail.from("after@example.org").subject("Still polled").bytes());
        assertThat(poll()).isEqualTo(1);
    }
}
