package io.betterauth.jakarta.config.option;

/**
 * Better Auth's {@code secondaryStorage}, which in Better Auth is the storage itself (keys
 * {@code better-auth.secondary-storage.*}); an application's {@code SecondaryStorage} bean wins over these. Whether
 * sessions are also kept in the table is a session option ({@link SessionOptions#storeSessionInDatabase()}).
 *
 * @param redisUrl {@code redis://host:port/db} (or {@code rediss://}); null = none
 */
public record SecondaryStorageOptions(String redisUrl) {

    /** True when a Redis URL is configured. */
    public boolean redisConfigured() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    /** The URL without its credentials ({@code redis://user:password@host} shows {@code redis://***@host}). */
    @Override
    public String toString() {
        return "SecondaryStorageOptions[redisUrl=" + (redisUrl == null ? null
                : redisUrl.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^@/]*@", "$1***@")) + "]";
    }
}
