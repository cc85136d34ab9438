package io.betterauth.jakarta.config.option;

import java.util.List;

/**
 * Better Auth's {@code advanced.ipAddress} (keys {@code better-auth.advanced.ip-address.*}).
 *
 * @param ipAddressHeaders  request headers trusted for the client IP, in order; empty = the socket address
 * @param disableIpTracking stores no IP address at all (and rate-limits nothing)
 * @param trustedProxies    ours: which entries of those headers are believed (Better Auth: the left-most)
 */
public record IpAddressOptions(List<String> ipAddressHeaders, boolean disableIpTracking,
                               TrustedProxies trustedProxies) {

    public IpAddressOptions {
        ipAddressHeaders = List.copyOf(ipAddressHeaders);
    }
}
