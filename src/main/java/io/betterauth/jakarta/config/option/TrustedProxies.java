package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.security.IpNetwork;
import java.net.InetAddress;
import java.util.List;

/**
 * Ours: which entry of a forwarded header ({@code advanced.ipAddress.ipAddressHeaders}) names the client. Proxies
 * append the address they received the request from, so only the right-most entries were written by proxies the
 * application trusts; everything left of them is whatever the client sent.
 *
 * @param count    how many proxies in front of the application append to (or set) the header: the client is the
 *                 {@code count}-th entry from the right (1, the default: the right-most); {@link #ALL} takes the
 *                 left-most entry, as Better Auth does (forgeable unless the proxy replaces the header)
 * @param networks when not empty, used instead of the count: the proxies' addresses or CIDR blocks; headers are
 *                 read only when the socket peer is one of them, and the client is the right-most entry outside
 *                 them
 */
public record TrustedProxies(int count, List<IpNetwork> networks) {

    /** Every entry is trusted: the left-most one is the client (Better Auth's behaviour). */
    public static final int ALL = Integer.MAX_VALUE;

    public TrustedProxies {
        networks = List.copyOf(networks);
        if (count < 1) {
            throw new ConfigurationException("better-auth.advanced.ip-address.trusted-proxy-count must be a "
                    + "number of proxies (1 or more) or 'all', not " + count);
        }
    }

    /** The count as configured: {@code all} or a number. */
    public static int parseCount(String value) {
        return "all".equalsIgnoreCase(value) ? ALL : Integer.parseInt(value);
    }

    /** The proxies' addresses or CIDR blocks as configured. */
    public static List<IpNetwork> parseNetworks(List<String> cidrs) {
        try {
            return cidrs.stream().map(IpNetwork::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("better-auth.advanced.ip-address.trusted-proxies: " + e.getMessage());
        }
    }

    /** Whether the address is one of the trusted proxies (never, for null). */
    public boolean trusts(InetAddress address) {
        return address != null && networks.stream().anyMatch(n -> n.contains(address));
    }
}
