package org.supportdesk.domain.ticket;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The human ticket number {@code TKT-<year>-<sequence>}, the sequence zero-padded to six and widening past it. */
public record TicketNumber(int year, long sequence) implements TicketRef {
    private static final Pattern FORMAT = Pattern.compile("TKT-([1-9]\\d{3})-(\\d{6,18})");

    public TicketNumber {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("year must have four digits: " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
    }

    public static Optional<TicketNumber> parse(String raw) {
        Matcher m = FORMAT.matcher(raw.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(2);
        // One number, one spelling: "TKT-2026-0000042" is not TKT-2026-000042.
        if (digits.length() > 6 && digits.charAt(0) == '0') {
            return Optional.empty();
        }
        long sequence = Long.parseLong(digits);
        return sequence == 0 ? Optional.empty() : Optional.of(new TicketNumber(Integer.parseInt(m.group(1)), sequence));
    }

    @Override
    public String toString() {
        return String.format("TKT-%d-%06d", year, sequence);
    }
}
