package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.config.ConfigurationException;

/**
 * Better Auth's {@code advanced} options (keys {@code better-auth.advanced.*}): cookie naming and attributes, the
 * client's IP address and the CSRF check; then the library's own, marked "ours".
 *
 * @param cookiePrefix            {@code better-auth}
 * @param useSecureCookies        forces secure cookies on or off; {@code null} = decided by the base URL
 * @param crossSubDomainCookies   a {@code Domain} attribute for cookies shared across subdomains
 * @param defaultCookieAttributes the attributes every cookie starts from
 * @param ipAddress               where the client's IP address comes from ({@code advanced.ipAddress})
 * @param disableCsrfCheck        switches the origin and Fetch-Metadata checks off (Better Auth's
 *                                {@code disableCSRFCheck})
 * @param useHostPrefix           ours: secure cookies without a cross-subdomain {@code Domain} are named
 *                                {@code __Host-} instead of Better Auth's {@code __Secure-}
 * @param clearSiteData           ours: sign-out and revoke-sessions answer {@code Clear-Site-Data}
 * @param maxBodySize             ours: the most bytes of a request body an endpoint reads (65536); more is 413
 *                                {@code PAYLOAD_TOO_LARGE} (Better Auth has no limit)
 */
public record AdvancedOptions(String cookiePrefix, Boolean useSecureCookies,
                              CrossSubDomainCookies crossSubDomainCookies,
                              DefaultCookieAttributes defaultCookieAttributes, IpAddressOptions ipAddress,
                              boolean disableCsrfCheck, boolean useHostPrefix, boolean clearSiteData,
                              int maxBodySize) {

    public AdvancedOptions {
        if (maxBodySize <= 0) {
            throw new ConfigurationException("better-auth.advanced.max-body-size must be a positive number of bytes, "
                    + "not " + maxBodySize);
        }
    }

    /**
     * Better Auth's {@code advanced.crossSubDomainCookies}.
     *
     * @param enabled adds a {@code Domain} attribute
     * @param domain  that domain; {@code null} = the base URL's host name
     */
    public record CrossSubDomainCookies(boolean enabled, String domain) {
    }

    /**
     * Better Auth's {@code advanced.defaultCookieAttributes}.
     *
     * @param sameSite    {@code lax}; {@code null} = no {@code SameSite} attribute
     * @param path        {@code /}
     * @param httpOnly    true
     * @param secure      overrides the computed secure flag when set
     * @param partitioned adds {@code Partitioned}
     */
    public record DefaultCookieAttributes(SameSite sameSite, String path, boolean httpOnly, Boolean secure,
                                          boolean partitioned) {
    }
}
