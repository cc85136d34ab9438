package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.SecondaryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Passes every call to a {@link SecondaryStorage} and logs it, so a test can compare the calls with Better Auth's
 * and delete exactly the keys it wrote.
 */
public final class RecordingSecondaryStorage implements SecondaryStorage {

    /** One call: {@code op} is get, set or delete; {@code value} and {@code ttl} only for set. */
    public record Call(String op, String key, String value, Duration ttl) {
        public boolean isWrite() {
            return !op.equals("get");
        }
    }

    private final SecondaryStorage delegate;
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> written = new LinkedHashSet<>();

    public RecordingSecondaryStorage(SecondaryStorage delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        calls.add(new Call("get", key, null, null));
        return delegate.get(key);
    }

    @Override
    public synchronized void set(String key, String value, Duration ttl) {
        calls.add(new Call("set", key, value, ttl));
        written.add(key);
        delegate.set(key, value, ttl);
    }

    @Override
    public synchronized void delete(String key) {
        calls.add(new Call("delete", key, null, null));
        delegate.delete(key);
    }

    /** The set and delete calls since the last {@link #clear()}. */
    public synchronized List<Call> writes() {
        return calls.stream().filter(Call::isWrite).toList();
    }

    /** The keys set since the last {@link #clear()}. */
    public synchronized Set<String> keysSet() {
        Set<String> keys = new LinkedHashSet<>();
        calls.stream().filter(c -> c.op().equals("set")).forEach(c -> keys.add(c.key()));
        return keys;
    }

    /** Every key ever set through this instance, for clean-up. */
    public synchronized Set<String> everWritten() {
        return new LinkedHashSet<>(written);
    }

    public synchronized void clear() {
        calls.clear();
    }

    public SecondaryStorage delegate() {
        return delegate;
    }
}
