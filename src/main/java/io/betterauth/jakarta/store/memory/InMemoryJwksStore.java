package io.betterauth.jakarta.store.memory;

import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.spi.JwksStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code jwt} plugin's keys in this JVM: the reference {@link JwksStore} for development and tests. Keys are
 * minted by the server, a few per rotation interval, so the list stays small without a bound of its own.
 */
public final class InMemoryJwksStore implements JwksStore {

    private static final Comparator<JwkRecord> OLDEST_FIRST = Comparator.comparing(JwkRecord::createdAt)
            .thenComparing(JwkRecord::id);

    private final List<JwkRecord> keys = new ArrayList<>();

    @Override
    public synchronized List<JwkRecord> all() {
        return keys.stream().sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized void create(JwkRecord key) {
        if (keys.stream().anyMatch(k -> k.id().equals(key.id()))) {
            throw new IllegalArgumentException("A key with this id already exists");
        }
        keys.add(key);
    }
}
