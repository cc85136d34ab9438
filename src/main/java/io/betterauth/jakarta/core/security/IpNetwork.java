package io.betterauth.jakarta.core.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IP network in CIDR notation ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or a single address, and the parsing of
 * IP literals it rests on: only literals reach {@link InetAddress}, so nothing here ever triggers a DNS lookup.
 * IPv4-mapped IPv6 addresses ({@code ::ffff:192.0.2.1}) are IPv4 addresses, as {@link InetAddress} reads them.
 */
public final class IpNetwork {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final byte[] prefix;
    private final int bits;

    private IpNetwork(byte[] prefix, int bits) {
        this.prefix = prefix;
        this.bits = bits;
    }

    /** The address an IP literal names, or null for anything that is not one (never a DNS lookup). */
    public static InetAddress literal(String candidate) {
        if (candidate == null || candidate.length() > 45) {
            return null;
        }
        try {
            if (IPV4.matcher(candidate).matches()) {
                // Built from its bytes: InetAddress.getByName resolves "999.1.1.1", which is no literal, through DNS.
                String[] octets = candidate.split("\\.");
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(octets[i]);
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            // A name with a colon is only ever parsed as an IPv6 literal, never looked up.
            return IPV6.matcher(candidate).matches() ? InetAddress.getByName(candidate) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /**
     * {@code address/bits} or a single address.
     *
     * @throws IllegalArgumentException when it is neither
     */
    public static IpNetwork parse(String cidr) {
        int slash = cidr.indexOf('/');
        InetAddress address = literal(slash < 0 ? cidr.strip() : cidr.substring(0, slash).strip());
        if (address == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block such as 10.0.0.0/8");
        }
        int max = address.getAddress().length * 8;
        int bits;
        try {
            bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1).strip());
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("'" + cidr + "' has no prefix length between 0 and " + max);
        }
        return new IpNetwork(address.getAddress(), bits);
    }

    /** Whether the address lies in this network (an IPv4 address is never in an IPv6 network, nor the reverse). */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (a.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        int mask = (0xff00 >> rest) & 0xff;
        return rest == 0 || (a[full] & mask) == (prefix[full] & mask);
    }
}
