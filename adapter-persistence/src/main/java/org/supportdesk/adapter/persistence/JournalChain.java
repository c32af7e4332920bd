package org.supportdesk.adapter.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.supportdesk.domain.journal.ChainVerdict;
import org.supportdesk.domain.journal.JournalAction;
import org.supportdesk.domain.privacy.JournalRedaction;

/**
 * The canonical form of a journal entry in its tenant's hash chain (§16, docs/adr/0024-hash-chained-journal.md), and
 * the walk that checks a chain. Entry n carries {@code sha256(hash of entry n-1 ‖ link(n))}, the first one's
 * predecessor being 32 zero bytes; the database computes it as it stores the entry ({@link JournalAppendDao#insert}), from
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
     * The digest an erasure's entry records of the entries it redacted ({@link JournalRedaction#REDACTED_ENTRIES_FIELD}):
     * over each one's position and the digest of its redacted content, in position order. None redacted: the digest
     * of nothing.
     */
    public static String redactedEntriesDigest(List<ChainedRow> redacted) {
        Redactions redactions = new Redactions(0);
        redacted.forEach(redactions::add);
        return redactions.digest();
    }

    /**
     * Checks a tenant's stored entries, fed in position order, against the chain: positions 1, 2, 3 … with no hole,
     * each entry's content matching its digest and its hash following from its predecessor's; then the tenant's head
     * (position and hash of the newest entry) against the last entry, which catches entries removed from the end.
     *
     * <p>A redacted entry's content no longer matches its digest, by design; it must instead be among what a later
     * erasure's entry recorded a digest of. So a redaction cannot be faked on an entry, nor a redacted entry edited
     * again, without the break showing at that entry.
     */
    static final class Walk {
        private byte[] previous = GENESIS;
        private long entries;
        private long firstBroken;
        private final Map<UUID, Redactions> redactionsByErasure = new HashMap<>();
        private final Set<UUID> erasuresPassed = new HashSet<>();

        void accept(ChainedRow stored) {
            entries++;
            collectRedaction(stored);
            boolean intact = stored.seq() == entries
                    && contentIntact(stored)
                    && Arrays.equals(next(previous, link(stored.row(), stored.contentDigest())), stored.chainHash());
            if (!intact) {
                broken(entries);
            }
            checkErasure(stored.row());
            previous = stored.chainHash();
        }

        /**
         * Whether the entry's content is what was chained: by its digest, or for a redacted entry by its erasure's
         * digest of the redactions ({@link #checkErasure}), which must come after it.
         */
        private boolean contentIntact(ChainedRow stored) {
            return stored.redactedBy() == null
                    ? Arrays.equals(contentDigest(stored.row()), stored.contentDigest())
                    : !erasuresPassed.contains(stored.redactedBy());
        }

        /** Keeps a redacted entry for the check at its erasure's entry. */
        private void collectRedaction(ChainedRow stored) {
            if (stored.redactedBy() != null) {
                redactionsByErasure
                        .computeIfAbsent(stored.redactedBy(), erasure -> new Redactions(entries))
                        .add(stored);
            }
        }

        /** Whether an erasure's entry names exactly the entries redacted by it. */
        private void checkErasure(JournalRow row) {
            if (!JournalAction.parse(row.action())
                    .filter(JournalRedaction::recordsErasure)
                    .isPresent()) {
                return;
            }
            erasuresPassed.add(row.id());
            Redactions redacted = redactionsByErasure.remove(row.id());
            String recorded = null;
            for (int i = 0; i < row.fields().length; i++) {
                if (JournalRedaction.REDACTED_ENTRIES_FIELD.equals(row.fields()[i])) {
                    recorded = row.afters()[i];
                }
            }
            Redactions found = redacted == null ? new Redactions(entries) : redacted;
            if (!found.digest().equals(recorded)) {
                broken(found.firstPosition());
            }
        }

        private void broken(long position) {
            firstBroken = firstBroken == 0 ? position : Math.min(firstBroken, position);
        }

        /** The verdict, given the head the tenant's appends left ({@code headSeq} 0 and no hash: none yet). */
        ChainVerdict verdict(long headSeq, byte[] headHash) {
            // Redacted by an erasure whose entry is not in the chain.
            redactionsByErasure.values().forEach(orphans -> broken(orphans.firstPosition()));
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

    /** The entries one erasure redacted, digested as they come: each one's position and redacted content. */
    private static final class Redactions {
        private final MessageDigest digest = sha256();
        private final long firstPosition;

        Redactions(long firstPosition) {
            this.firstPosition = firstPosition;
        }

        void add(ChainedRow redacted) {
            digest.update(new Canonical()
                    .number(redacted.seq())
                    .bytes(contentDigest(redacted.row()))
                    .toBytes());
        }

        long firstPosition() {
            return firstPosition;
        }

        String digest() {
            return HexFormat.of().formatHex(digest.digest());
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
