package io.betterauth.jakarta.config.option;

/**
 * Better Auth's {@code secondaryStorage}, which in Better Auth is the storage itself (keys
 * {@code better-auth.secondary-storage.*}); an application's {@code SecondaryStorage} bean wins over these. Whether
 * sessions are also kept in the table is a session option ({@link SessionOptions#storeSessionInDatabase()}).
 *
 * @param redisUrl              {@code redis://host:port/db} (or {@code rediss://}), a Sentinel-watched master
 *                              {@code redis-sentinel://host:26379,host2:26379/masterName[/db]} or a Cluster
 *                              {@code redis-cluster://host:7001,host2:7002}; null = none
 * @param redisSentinelPassword the Sentinels' own password (not the master's, which is in the URL); null = none
 */
public record SecondaryStorageOptions(String redisUrl, String redisSentinelPassword) {

    /** Without a Sentinel password. */
    public SecondaryStorageOptions(String redisUrl) {
        this(redisUrl, null);
    }

    /** True when a Redis URL is configured. */
    public boolean redisConfigured() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    /** The URL without its credentials ({@code redis://user:password@host} shows {@code redis://***@host}). */
    @Override
    public String toString() {
        return "SecondaryStorageOptions[redisUrl=" + (redisUrl == null ? null
                : redisUrl.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://).*@", "$1***@"))
                + ", redisSentinelPassword=" + (redisSentinelPassword == null ? null : "***") + "]";
    }
}
