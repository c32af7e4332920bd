package org.supportdesk.adapter.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.supportdesk.domain.journal.ChainVerdict;

/**
 * The canonical form of a journal entry in its tenant's hash chain (§16, docs/adr/0024-hash-chained-journal.md), and
 * the walk that checks a chain. Entry n carries {@code sha256(hash of entry n-1 ‖ link(n))}, the first one's
 * predecessor being 32 zero bytes; the database computes it as it stores the entry ({@link JournalDao#insert}), from
 * the link this class makes. A link holds every column but the actor's name and the changes, which it holds as their
 * digest: erasure may redact those two, and the chain must still verify.
 *
 * <p>Each value is written as its UTF-8 byte length, a colon and the bytes, and an absent one as a dash, so no two
 * entries share a form. Public for the million-ticket loader, which chains the entries it copies in the same way.
 */
public final class JournalChain {
    static final int HASH_BYTES = 32;
    private static final byte[] GENESIS = new byte[HASH_BYTES];

    private JournalChain() {}

    /** The digest of what erasure may redact: the actor's name and every change's field, before and after. */
    public static byte[] contentDigest(JournalRow row) {
        Canonical form = new Canonical().text(row.actorName()).number(row.fields().length);
        for (int i = 0; i < row.fields().length; i++) {
            form.text(row.fields()[i]).text(row.befores()[i]).text(row.afters()[i]);
        }
        return sha256(form.toBytes());
    }

    /** The bytes entry {@code row} adds to the chain. */
    public static byte[] link(JournalRow row, byte[] contentDigest) {
        return new Canonical()
                .text(row.tenantId())
                .text(row.id())
                .text(row.actorId())
                .text(row.actorRole())
                .text(row.action())
                .text(row.targetKind())
                .text(row.targetId())
                .text(row.correlationId())
                .number(Columns.micros(row.at()))
                .bytes(contentDigest)
                .toBytes();
    }

    /** The hash of the entry that adds {@code link} after the entry hashed {@code previous}. */
    public static byte[] next(byte[] previous, byte[] link) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        return sha256.digest(link);
    }

    /** The first entry's predecessor. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /**
     * The instant as the database keeps a {@code timestamptz}: whole microseconds. An entry's time is cut to them
     * before it is stored, so the link made at writing and the one made from the stored row agree.
     */
    public static Instant storable(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Checks a tenant's stored entries, fed in position order, against the chain: positions 1, 2, 3 … with no hole,
     * each entry's content matching its digest and its hash following from its predecessor's; then the tenant's head
     * (position and hash of the newest entry) against the last entry, which catches entries removed from the end.
     */
    static final class Walk {
        private byte[] previous = GENESIS;
        private long entries;
        private long firstBroken;

        void accept(ChainedRow stored) {
            entries++;
            boolean intact = stored.seq() == entries
                    && Arrays.equals(contentDigest(stored.row()), stored.contentDigest())
                    && Arrays.equals(next(previous, link(stored.row(), stored.contentDigest())), stored.chainHash());
            if (!intact && firstBroken == 0) {
                firstBroken = entries;
            }
            previous = stored.chainHash();
        }

        /** The verdict, given the head the tenant's appends left ({@code headSeq} 0 and no hash: none yet). */
        ChainVerdict verdict(long headSeq, byte[] headHash) {
            byte[] head = headHash == null ? GENESIS : headHash;
            if (firstBroken == 0 && headSeq != entries) {
                firstBroken = Math.min(headSeq, entries) + 1; // removed from the end, or added past the head
            } else if (firstBroken == 0 && !Arrays.equals(head, previous)) {
                firstBroken = entries; // the newest entry was replaced
            }
            return new ChainVerdict(
                    entries,
                    firstBroken == 0 ? OptionalLong.empty() : OptionalLong.of(firstBroken),
                    HexFormat.of().formatHex(head));
        }
    }

    /** Builds the length-prefixed form. */
    private static final class Canonical {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Canonical text(Object value) {
            return value == null ? absent() : bytes(value.toString().getBytes(StandardCharsets.UTF_8));
        }

        Canonical number(long value) {
            return text(Long.toString(value));
        }

        Canonical bytes(byte[] value) {
            out.writeBytes(Integer.toString(value.length).getBytes(StandardCharsets.US_ASCII));
            out.write(':');
            out.writeBytes(value);
            return this;
        }

        private Canonical absent() {
            out.write('-');
            return this;
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }
}
