package io.betterauth.jakarta.config.option;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.session.AdditionalFields;

/**
 * Better Auth's {@code session} options (keys {@code better-auth.session.*}): lifetimes in seconds, refresh, where
 * sessions are kept besides the secondary storage, the cookie cache and the table's additional fields; then the
 * library's own hardening options, marked "ours".
 *
 * @param expiresIn                 lifetime after the last refresh (604800)
 * @param updateAge                 how often the expiry slides forward (86400; 0 = every request)
 * @param freshAge                  how recent {@code createdAt} must be for sensitive actions (86400; 0 = off)
 * @param disableSessionRefresh     never slide the expiry
 * @param deferSessionRefresh       GET never writes; it reports {@code needsRefresh} and a POST refreshes
 * @param storeSessionInDatabase    with a secondary storage, also keep session rows; the table answers when a key
 *                                  is missing (true whenever {@code preserveSessionInDatabase} is)
 * @param preserveSessionInDatabase with a secondary storage, keep (end) rows when sessions are deleted; reads use
 *                                  the keys only
 * @param cookieCache               the {@code session_data} cookie cache
 * @param additionalFields          additional fields of the session table: the plugins' columns (the {@code admin}
 *                                  plugin's {@code impersonatedBy}), then the configured
 *                                  {@code session.additionalFields}
 * @param absoluteExpiresIn         ours: seconds from {@code createdAt} after which a session ends whatever its
 *                                  activity (0 = off, Better Auth's behaviour)
 * @param freshChangePassword       ours: change-password requires a fresh session (Better Auth does not check)
 * @param freshRevoke               ours: revoke-session, revoke-other-sessions and revoke-sessions require a fresh
 *                                  session (Better Auth only reads the store)
 * @param revokeOnSignIn            ours: sign-in and sign-up delete the session whose cookie the request presented
 *                                  (Better Auth leaves it in the store)
 * @param hashTokens                ours: the session store keeps {@code SHA-256(token)}, never the token itself
 */
public record SessionOptions(long expiresIn, long updateAge, long freshAge, boolean disableSessionRefresh,
                             boolean deferSessionRefresh, boolean storeSessionInDatabase,
                             boolean preserveSessionInDatabase, CookieCacheOptions cookieCache,
                             AdditionalFields additionalFields, long absoluteExpiresIn, boolean freshChangePassword,
                             boolean freshRevoke, boolean revokeOnSignIn, boolean hashTokens) {

    public SessionOptions {
        storeSessionInDatabase = storeSessionInDatabase || preserveSessionInDatabase;
        additionalFields.requireNoCoreField("better-auth.session.additional-fields", Session.CORE_FIELDS);
        if (absoluteExpiresIn < 0) {
            throw new ConfigurationException("better-auth.session.absolute-expires-in must be 0 (off) or a number "
                    + "of seconds, not " + absoluteExpiresIn);
        }
    }
}
