package io.betterauth.jakarta.spi;

import java.util.List;

/**
 * Where the {@code jwt} plugin keeps its signing keys: Better Auth's {@code jwks} table. Keys are only ever added;
 * Better Auth never deletes or updates a row (an expired key stays, and is published until its grace period ends).
 * Several servers may add keys at once; each signs with the newest it sees, and tokens name their key by id.
 */
public interface JwksStore {

    /**
     * Every stored key, oldest first ({@code createdAt}, then {@code id}).
     *
     * @throws StoreUnavailableException when the store cannot be read
     */
    List<JwkRecord> all();

    /**
     * Adds a key.
     *
     * @throws StoreUnavailableException when the store cannot be written
     */
    void create(JwkRecord key);
}
