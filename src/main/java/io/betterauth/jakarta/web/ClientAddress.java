package io.betterauth.jakarta.web;

import io.betterauth.jakarta.core.BetterAuthConfig;
import io.betterauth.jakarta.core.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds the client's IP address and user agent for a new session. Forwarded headers are read only when
 * configured ({@code better-auth.advanced.ip-address.ip-address-headers}); otherwise the socket address is used,
 * so a client cannot forge its recorded address. IPv6 is written as Better Auth writes it: expanded, lowercase,
 * masked to /64; IPv4-mapped addresses become IPv4.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private ClientAddress() {
    }

    public static ClientInfo of(HttpServletRequest request, BetterAuthConfig config) {
        String userAgent = request.getHeader("User-Agent");
        return new ClientInfo(config.disableIpTracking() ? "" : ip(request, config), userAgent == null ? "" : userAgent);
    }

    static String ip(HttpServletRequest request, BetterAuthConfig config) {
        for (String header : config.ipAddressHeaders()) {
            String value = request.getHeader(header);
            if (value != null) {
                int comma = value.indexOf(',');
                // Not split(","): a header of only commas would leave no first element at all.
                String first = (comma < 0 ? value : value.substring(0, comma)).trim();
                String normalized = normalize(first);
                if (!normalized.isEmpty()) {
                    return normalized;
                }
            }
        }
        return normalize(request.getRemoteAddr());
    }

    /** The canonical form of an IP literal, or {@code ""} for anything that is not one (never a DNS lookup). */
    static String normalize(String candidate) {
        // Only literals reach InetAddress, so no input can trigger a DNS lookup.
        if (candidate == null || candidate.length() > 45
                || !(IPV4.matcher(candidate).matches() || IPV6.matcher(candidate).matches())) {
            return "";
        }
        try {
            InetAddress address = InetAddress.getByName(candidate);
            if (address instanceof Inet4Address) {
                return address.getHostAddress();
            }
            byte[] b = ((Inet6Address) address).getAddress();
            StringBuilder out = new StringBuilder(39);
            for (int group = 0; group < 8; group++) {
                if (group > 0) {
                    out.append(':');
                }
                int value = group < 4 ? ((b[group * 2] & 0xff) << 8) | (b[group * 2 + 1] & 0xff) : 0;
                out.append(String.format(Locale.ROOT, "%04x", value));
            }
            return out.toString();
        } catch (UnknownHostException | ClassCastException e) {
            return "";
        }
    }
}
