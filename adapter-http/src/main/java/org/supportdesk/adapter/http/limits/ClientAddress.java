package org.supportdesk.adapter.http.limits;

import io.javalin.http.Context;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address a request comes from, which per-address limits count against. By default it is the socket peer. Behind
 * a load balancer every peer is the balancer, so one guesser would lock out everyone: name the balancers as trusted
 * proxies ({@code SUPPORTDESK_TRUSTED_PROXIES}, addresses or CIDR ranges) and the address becomes the last hop in
 * {@code X-Forwarded-For} that is not one of them. Only a trusted proxy's header is believed; anyone else could write
 * any address there.
 */
public final class ClientAddress {
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final int MAX_HOP_LENGTH = 64;

    private final List<Range> trustedProxies;

    private ClientAddress(List<Range> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** Requests come straight from their clients: the socket peer is the address. */
    public static ClientAddress direct() {
        return new ClientAddress(List.of());
    }

    /**
     * Requests may come through the given proxies (addresses like {@code 10.0.0.7} or ranges like {@code 10.0.0.0/8}).
     *
     * @throws IllegalArgumentException for an entry that is not an IP address or range
     */
    public static ClientAddress behind(List<String> trustedProxies) {
        return new ClientAddress(trustedProxies.stream().map(Range::parse).toList());
    }

    public String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** The client's address, given the socket peer and the {@code X-Forwarded-For} header (null when absent). */
    public String of(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusted(peer)) {
            return peer;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(","))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trusted(hop)) {
                return hop.length() <= MAX_HOP_LENGTH ? hop : hop.substring(0, MAX_HOP_LENGTH);
            }
        }
        return hops.isEmpty() ? peer : hops.get(0);
    }

    private boolean trusted(String address) {
        return address != null
                && !trustedProxies.isEmpty()
                && bytes(address)
                        .map(ip -> trustedProxies.stream().anyMatch(range -> range.contains(ip)))
                        .orElse(false);
    }

    /** The address's bytes, for an IP literal only: never a name lookup. */
    private static Optional<byte[]> bytes(String literal) {
        if (!IP_LITERAL.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private record Range(byte[] network, int prefixLength) {
        static Range parse(String text) {
            String[] parts = text.strip().split("/", 2);
            byte[] network =
                    bytes(parts[0]).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
            int prefix = parts.length == 1 ? network.length * 8 : Integer.parseInt(parts[1]);
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("not a prefix length for " + parts[0] + ": " + parts[1]);
            }
            return new Range(network, prefix);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int ignoredBits = network.length * 8 - prefixLength;
            return new BigInteger(1, address)
                    .shiftRight(ignoredBits)
                    .equals(new BigInteger(1, network).shiftRight(ignoredBits));
        }
    }
}
