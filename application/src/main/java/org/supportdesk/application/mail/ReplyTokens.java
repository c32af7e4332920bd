package org.supportdesk.application.mail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.supportdesk.domain.tenant.TenantId;
import org.supportdesk.domain.tenant.UserId;
import org.supportdesk.domain.ticket.TicketId;

/**
 * The signed reply token of an outgoing mail (§16, docs/notifications.md "Threading"): it names the ticket and is
 * bound to one recipient of one tenant, so a reply carrying it is threaded onto that ticket as that recipient, and
 * only when the sender is that recipient. A token copied into another sender's mail, or a forged {@code From} with
 * someone else's token, does not verify.
 *
 * <p>It travels in the local part of the {@code Reply-To} address ({@code support+r<token>@example.com}), which RFC 5321
 * limits to 64 characters and some servers fold to lower case: so it is lower-case base32 without padding of the
 * ticket's 16 id bytes and the first {@value #MAC_BYTES} bytes of an HMAC-SHA256 over tenant, ticket and recipient.
 */
public final class ReplyTokens {
    /** Bytes of the HMAC kept: 80 bits, beyond guessing by mail. */
    static final int MAC_BYTES = 10;

    /** Characters of a token: base32 of 26 bytes. */
    public static final int LENGTH = 42;

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private final SecretKeySpec key;

    private ReplyTokens(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** Tokens keyed by the SHA-256 of {@code passphrase} (the server's secrets key), in a domain of their own. */
    public static ReplyTokens derivedFrom(String passphrase) {
        try {
            return new ReplyTokens(MessageDigest.getInstance("SHA-256")
                    .digest(("supportdesk reply token v1:" + passphrase).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The token that lets {@code recipient} reply to {@code ticket} by mail. */
    public String issue(TenantId tenant, TicketId ticket, UserId recipient) {
        byte[] id = bytes(ticket.value());
        byte[] raw = ByteBuffer.allocate(id.length + MAC_BYTES)
                .put(id)
                .put(mac(tenant, ticket, recipient))
                .array();
        return base32(raw);
    }

    /** The ticket {@code token} names, when it was issued to {@code sender} of {@code tenant}; empty otherwise. */
    public Optional<TicketId> verify(String token, TenantId tenant, UserId sender) {
        String text = token.toLowerCase(Locale.ROOT);
        Optional<byte[]> raw = unbase32(text);
        // Only the canonical spelling: the last character's two spare bits would otherwise admit four spellings.
        if (raw.isEmpty()
                || raw.get().length != 16 + MAC_BYTES
                || !base32(raw.get()).equals(text)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(raw.get());
        TicketId ticket = new TicketId(new UUID(buffer.getLong(), buffer.getLong()));
        byte[] given = Arrays.copyOfRange(raw.get(), 16, raw.get().length);
        return MessageDigest.isEqual(given, mac(tenant, ticket, sender)) ? Optional.of(ticket) : Optional.empty();
    }

    private byte[] mac(TenantId tenant, TicketId ticket, UserId recipient) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(bytes(tenant.value()));
            mac.update(bytes(ticket.value()));
            mac.update(bytes(recipient.value()));
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }

    private static String base32(byte[] raw) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : raw) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    private static Optional<byte[]> unbase32(String text) {
        ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int value = ALPHABET.indexOf(text.charAt(i));
            if (value < 0) {
                return Optional.empty();
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return Optional.of(Arrays.copyOf(out.array(), out.position()));
    }
}
