package org.supportdesk.adapter.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.supportdesk.domain.port.TargetGuard;

/**
 * The SSRF guard (RELIABILITY row 11, S14): resolves the target's host and refuses it when any address it resolves to
 * is loopback, private (RFC 1918), carrier-grade NAT, link-local (with 169.254.169.254), unique-local (with the AWS
 * fd00:ec2::254), multicast, unspecified or otherwise not a public unicast address; IPv4-mapped IPv6 addresses are
 * judged as the IPv4 address they carry. {@code allowPrivate} (the server setting
 * {@code SUPPORTDESK_WEBHOOKS_ALLOW_PRIVATE_TARGETS}) lifts the refusal for a private network or a test; a host that
 * does not resolve is refused either way.
 */
public final class PublicAddressGuard implements TargetGuard {
    /** Answers every address a host name has. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    public PublicAddressGuard(boolean allowPrivate) {
        this(allowPrivate, InetAddress::getAllByName);
    }

    public PublicAddressGuard(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    @Override
    public Optional<String> refusal(URI target) {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("only https and http targets are allowed");
        }
        if (target.getRawUserInfo() != null) {
            return Optional.of("a target must not carry credentials");
        }
        String host = target.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("a target must name a host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("the host does not resolve");
        }
        if (addresses.length == 0) {
            return Optional.of("the host does not resolve");
        }
        if (allowPrivate) {
            return Optional.empty();
        }
        for (InetAddress address : addresses) {
            Optional<String> why = forbidden(address);
            if (why.isPresent()) {
                return Optional.of("the host resolves to " + why.get() + " address " + address.getHostAddress());
            }
        }
        return Optional.empty();
    }

    /** Why {@code address} is not a public unicast address, or empty when it is one. */
    static Optional<String> forbidden(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address && isIpv4Mapped(b)) {
            byte[] v4 = {b[12], b[13], b[14], b[15]};
            try {
                return forbidden(InetAddress.getByAddress(v4));
            } catch (UnknownHostException impossible) {
                return Optional.of("a malformed");
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("an unspecified");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("a loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("a link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("a private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("a multicast");
        }
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0 || first >= 240) {
                return Optional.of("a reserved");
            }
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("a carrier-grade NAT");
            }
            if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
                return Optional.of("a protocol-assignment");
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return Optional.of("a benchmarking");
            }
        } else {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return Optional.of("a unique-local");
            }
            if (first == 0) {
                return Optional.of("a reserved"); // ::/8: IPv4-compatible, NAT64 64:ff9b::/96 and the like
            }
            if (first == 0x01 && b[1] == 0) {
                return Optional.of("a discard"); // 100::/64
            }
            if (first == 0x20 && (b[1] & 0xff) == 0x02) {
                return Optional.of("a 6to4"); // 2002::/16 embeds any IPv4 address
            }
            if (first == 0x20 && b[1] == 0x01 && b[2] == 0 && b[3] == 0) {
                return Optional.of("a Teredo"); // 2001::/32
            }
        }
        return Optional.empty();
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
