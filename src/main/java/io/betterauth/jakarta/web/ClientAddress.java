package io.betterauth.jakarta.web;

import io.betterauth.jakarta.config.BetterAuthConfig;
import io.betterauth.jakarta.config.option.TrustedProxies;
import io.betterauth.jakarta.core.session.ClientInfo;
import io.betterauth.jakarta.core.security.IpNetwork;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds the client's IP address and user agent for a new session (and the rate limit's key). Forwarded headers are
 * read only when configured ({@code better-auth.advanced.ip-address.ip-address-headers}); otherwise the socket
 * address is used, so a client cannot forge its recorded address. Of a forwarded header, only entries the trusted
 * proxies wrote count ({@link TrustedProxies}): proxies append, so they are read from the right,
 * over all lines of the header, and never more of them than the configuration needs (a header of thousands of
 * entries costs no more than one of a few). IPv6 is written as Better Auth writes it: expanded, lowercase, masked
 * to /64; IPv4-mapped addresses become IPv4.
 */
public final class ClientAddress {

    /** How many entries a walk over trusted proxy networks reads at most before it stops. */
    static final int MAX_PROXY_HOPS = 32;

    private ClientAddress() {
    }

    public static ClientInfo of(HttpServletRequest request, BetterAuthConfig config) {
        String userAgent = request.getHeader("User-Agent");
        return new ClientInfo(config.advanced().ipAddress().disableIpTracking() ? "" : ip(request, config), userAgent == null ? "" : userAgent);
    }

    static String ip(HttpServletRequest request, BetterAuthConfig config) {
        TrustedProxies trust = config.advanced().ipAddress().trustedProxies();
        boolean byNetwork = !trust.networks().isEmpty();
        if (!byNetwork || trust.trusts(IpNetwork.literal(request.getRemoteAddr()))) {
            for (String header : config.advanced().ipAddress().ipAddressHeaders()) {
                // By network: the right-most entry that is no trusted proxy. By count: the count-th from the right.
                String entry = byNetwork
                        ? fromTheRight(request, header, MAX_PROXY_HOPS, e -> !trust.trusts(IpNetwork.literal(e)))
                        : trust.count() == TrustedProxies.ALL ? leftMost(request.getHeader(header))
                        : fromTheRight(request, header, trust.count(), e -> false);
                String normalized = normalize(entry);
                if (!normalized.isEmpty()) {
                    return normalized;
                }
            }
        }
        return normalize(request.getRemoteAddr());
    }

    /** Better Auth's choice: the first entry of the header's first line. */
    private static String leftMost(String value) {
        if (value == null) {
            return null;
        }
        int comma = value.indexOf(',');
        // Not split(","): a header of only commas would leave no first element at all.
        return (comma < 0 ? value : value.substring(0, comma)).trim();
    }

    /**
     * Reads the header's entries from the right, at most {@code max} of them, and stops early at the one
     * {@code isClient} accepts; answers the last entry read (the left-most when there are fewer), null without the
     * header.
     */
    private static String fromTheRight(HttpServletRequest request, String header, int max, Predicate<String> isClient) {
        Entries entries = new Entries(request.getHeaders(header));
        String chosen = null;
        for (int i = 0; i < max; i++) {
            String entry = entries.next();
            if (entry == null) {
                break;
            }
            chosen = entry;
            if (isClient.test(entry)) {
                break;
            }
        }
        return chosen;
    }

    /**
     * The comma-separated entries of all lines of a header (RFC 9110: lines of one field are one list), trimmed,
     * from the right: each {@link #next} reads only as far as the previous comma.
     */
    private static final class Entries {
        private final List<String> lines;
        private int line;
        private int end;

        Entries(Enumeration<String> values) {
            lines = values == null ? List.of() : Collections.list(values);
            line = lines.size() - 1;
            end = line < 0 ? -1 : lines.get(line).length();
        }

        /** The next entry to the left, or null when there is none. */
        String next() {
            while (line >= 0) {
                if (end >= 0) {
                    String value = lines.get(line);
                    int comma = value.lastIndexOf(',', end - 1);
                    String entry = value.substring(comma + 1, end).trim();
                    end = comma;
                    return entry;
                }
                line--;
                end = line < 0 ? -1 : lines.get(line).length();
            }
            return null;
        }
    }

    /** The canonical form of an IP literal, or {@code ""} for anything that is not one (never a DNS lookup). */
    static String normalize(String candidate) {
        InetAddress address = IpNetwork.literal(candidate);
        if (address == null) {
            return "";
        }
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] b = address.getAddress();
        StringBuilder out = new StringBuilder(39);
        for (int group = 0; group < 8; group++) {
            if (group > 0) {
                out.append(':');
            }
            int value = group < 4 ? ((b[group * 2] & 0xff) << 8) | (b[group * 2 + 1] & 0xff) : 0;
            out.append(String.format(Locale.ROOT, "%04x", value));
        }
        return out.toString();
    }
}
