package org.supportdesk.adapter.http.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.adapter.http.ApiCode;
import org.supportdesk.adapter.http.Endpoints;
import org.supportdesk.adapter.http.HttpProblem;
import org.supportdesk.adapter.http.Requests;
import org.supportdesk.adapter.http.auth.AccessRole;
import org.supportdesk.adapter.http.auth.Authenticator;
import org.supportdesk.adapter.http.json.FieldReader;
import org.supportdesk.adapter.http.json.JsonFields;
import org.supportdesk.application.UseCases;
import org.supportdesk.application.inbound.AuthenticateMailHook;
import org.supportdesk.application.inbound.ConfigureEmailChannel;
import org.supportdesk.application.inbound.ReceiveEmail;
import org.supportdesk.application.inbound.RemoveEmailChannel;
import org.supportdesk.application.inbound.RotateInboundSecret;
import org.supportdesk.application.inbound.ShowEmailChannel;
import org.supportdesk.domain.mail.EmailChannel;
import org.supportdesk.domain.mail.ImapAccount;
import org.supportdesk.domain.mail.MailRule;
import org.supportdesk.domain.mail.ReceivedMail;
import org.supportdesk.domain.problem.ValidationFailed;
import org.supportdesk.domain.tenant.StaffActor;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.ticket.TicketId;
import org.supportdesk.domain.ticket.TicketNumber;

/**
 * Inbound email (docs/notifications.md "Inbound email"): the tenant's channel settings and inbound secret (admins,
 * {@code /api/v1/channels/email}; the secret is in the first configuration's and each rotation's answer and nowhere
 * else, the IMAP password in none), and the hook a mail server pipes raw mail to ({@code POST
 * /api/v1/inbound/email/{tenant}}), which authenticates with the tenant's inbound secret instead of a sign-in.
 */
public final class EmailChannelEndpoints implements Endpoints {
    /** The largest mail the hook takes: a mail server's usual limit, with room for base64's growth. */
    public static final long MAX_MAIL_BYTES = 35L * 1024 * 1024;

    private static final Set<String> FIELDS = Set.of("support_address", "imap");
    private static final Set<String> IMAP_FIELDS = Set.of("host", "port", "security", "username", "password", "folder");

    private final UseCases.EmailIn useCases;
    private final Requests requests;

    public EmailChannelEndpoints(UseCases.EmailIn useCases, Requests requests) {
        this.useCases = useCases;
        this.requests = requests;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.put("/api/v1/channels/email", this::configure, AccessRole.ADMIN);
        routes.get("/api/v1/channels/email", this::show, AccessRole.ADMIN);
        routes.delete("/api/v1/channels/email", this::remove, AccessRole.ADMIN);
        routes.post("/api/v1/channels/email/rotate-secret", this::rotate, AccessRole.ADMIN);
        // The inbound secret, not a sign-in, authenticates the hook: checked in the handler.
        routes.post("/api/v1/inbound/email/{tenant}", this::receive, AccessRole.ANYONE);
    }

    /** The mailbox as shown: everything but the password, of which only whether one is set. */
    record ImapResponse(String host, int port, String security, String username, String folder, boolean passwordSet) {
        static ImapResponse of(ImapAccount a) {
            return new ImapResponse(a.host(), a.port(), a.security().wireName(), a.username(), a.folder(), true);
        }
    }

    /** The channel as shown; {@code inbound_secret} only in the answer that made it. */
    record ChannelResponse(
            String supportAddress, ImapResponse imap, String inboundSecret, Instant createdAt, Instant updatedAt) {
        static ChannelResponse of(EmailChannel c, Optional<String> secret) {
            return new ChannelResponse(
                    c.supportAddress().value(),
                    c.imap().map(ImapResponse::of).orElse(null),
                    secret.orElse(null),
                    c.createdAt(),
                    c.updatedAt());
        }
    }

    /** What became of a mail posted to the hook. */
    record ReceivedResponse(
            String outcome, UUID ticketId, String ticketNumber, String rule, String reason, boolean duplicate) {
        static ReceivedResponse of(ReceiveEmail.Received received) {
            ReceivedMail mail = received.mail();
            return new ReceivedResponse(
                    mail.outcome().wireName(),
                    mail.ticket().map(TicketId::value).orElse(null),
                    mail.ticketNumber().map(TicketNumber::toString).orElse(null),
                    mail.rule().map(MailRule::wireName).orElse(null),
                    mail.reason().orElse(null),
                    received.duplicate());
        }
    }

    void configure(Context ctx) {
        StaffActor admin = Authenticator.staff(ctx);
        ObjectNode body = requests.body(ctx, ObjectNode.class);
        JsonFields.onlyThese(body, FIELDS);
        FieldReader fields = new FieldReader();
        String address = fields.required(
                "support_address", JsonFields.optional(fields, body, "support_address", JsonFields::text));
        Optional<ConfigureEmailChannel.Imap> imap =
                body.hasNonNull("imap") ? fields.read("imap", () -> imap(body.get("imap"))) : Optional.empty();
        fields.done();
        ConfigureEmailChannel.Configured configured =
                useCases.configureChannel().handle(new ConfigureEmailChannel.Command(admin, address, imap));
        ctx.status(configured.secret().isPresent() ? 201 : 200);
        ctx.json(ChannelResponse.of(configured.channel(), configured.secret()));
    }

    void show(Context ctx) {
        ctx.json(ChannelResponse.of(
                useCases.showChannel().handle(new ShowEmailChannel.Command(Authenticator.staff(ctx))),
                Optional.empty()));
    }

    void remove(Context ctx) {
        useCases.removeChannel().handle(new RemoveEmailChannel.Command(Authenticator.staff(ctx)));
        ctx.status(204);
    }

    void rotate(Context ctx) {
        RotateInboundSecret.Rotated rotated =
                useCases.rotateSecret().handle(new RotateInboundSecret.Command(Authenticator.staff(ctx)));
        ctx.json(ChannelResponse.of(rotated.channel(), Optional.of(rotated.secret())));
    }

    void receive(Context ctx) {
        TenantId tenant = Authenticator.bearer(ctx.header("Authorization"))
                .flatMap(secret -> useCases.authenticateHook()
                        .handle(new AuthenticateMailHook.Command(ctx.pathParam("tenant"), secret)))
                // The same answer as any route's 401, so it tells nothing about the tenant or the secret.
                .orElseThrow(() -> new HttpProblem(ApiCode.UNAUTHORIZED, Authenticator.TOKEN_REQUIRED));
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).strip().startsWith("message/rfc822")) {
            throw new HttpProblem(ApiCode.UNSUPPORTED_MEDIA_TYPE, "Send the raw mail as message/rfc822");
        }
        byte[] raw = rawMail(ctx);
        ctx.json(ReceivedResponse.of(useCases.receiveEmail().handle(new ReceiveEmail.Command(tenant, raw))));
    }

    /** The body, refused past {@link #MAX_MAIL_BYTES} without reading more than one byte beyond it. */
    private static byte[] rawMail(Context ctx) {
        if (ctx.contentLength() > MAX_MAIL_BYTES) {
            throw tooLarge();
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] raw = in.readNBytes((int) MAX_MAIL_BYTES + 1);
            if (raw.length > MAX_MAIL_BYTES) {
                throw tooLarge();
            }
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the mail", e);
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(
                ApiCode.PAYLOAD_TOO_LARGE, "A mail may be at most " + MAX_MAIL_BYTES / (1024 * 1024) + " MB");
    }

    private static ConfigureEmailChannel.Imap imap(JsonNode value) {
        if (!(value instanceof ObjectNode imap)) {
            throw ValidationFailed.of("imap", "must be an object");
        }
        JsonFields.onlyThese(imap, IMAP_FIELDS);
        FieldReader fields = new FieldReader();
        String host = fields.required("host", JsonFields.optional(fields, imap, "host", JsonFields::text));
        Optional<Integer> port = JsonFields.optional(fields, imap, "port", n -> {
            if (!n.isInt()) {
                throw ValidationFailed.of("port", "must be a whole number");
            }
            return n.intValue();
        });
        Optional<String> security = JsonFields.optional(fields, imap, "security", JsonFields::text);
        String username = fields.required("username", JsonFields.optional(fields, imap, "username", JsonFields::text));
        Optional<String> password = JsonFields.optional(fields, imap, "password", JsonFields::text);
        Optional<String> folder = JsonFields.optional(fields, imap, "folder", JsonFields::text);
        fields.done();
        return new ConfigureEmailChannel.Imap(host, port, security, username, password, folder);
    }
}
