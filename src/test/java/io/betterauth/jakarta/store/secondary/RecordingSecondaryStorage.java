package io.betterauth.jakarta.store.secondary;

import io.betterauth.jakarta.spi.AtomicSecondaryStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Passes every call to an {@link AtomicSecondaryStorage} and logs it, so a test can compare the calls with Better
 * Auth's and delete exactly the keys it wrote. A conditional write is logged by what it did: a
 * {@code compareAndSet} that wrote as the {@code set} it made, a {@code compareAndDelete} that deleted as a
 * {@code delete}, one that did nothing as a {@code get} (it read the key); {@code getAndDelete} as a {@code delete},
 * {@code increment} as itself.
 */
public final class RecordingSecondaryStorage implements AtomicSecondaryStorage {

    /** One call: {@code op} is get, set, delete or increment; {@code value} for set, {@code ttl} for set, increment. */
    public record Call(String op, String key, String value, Duration ttl) {
        public boolean isWrite() {
            return !op.equals("get");
        }
    }

    private final AtomicSecondaryStorage delegate;
    private final List<Call> calls = new ArrayList<>();
    private final Set<String> written = new LinkedHashSet<>();

    public RecordingSecondaryStorage(AtomicSecondaryStorage delegate) {
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

    @Override
    public synchronized long increment(String key, Duration ttl) {
        calls.add(new Call("increment", key, null, ttl));
        written.add(key);
        return delegate.increment(key, ttl);
    }

    @Override
    public synchronized Optional<String> getAndDelete(String key) {
        calls.add(new Call("delete", key, null, null));
        return delegate.getAndDelete(key);
    }

    @Override
    public synchronized boolean compareAndSet(String key, String expected, String value, Duration ttl) {
        written.add(key);
        boolean set = delegate.compareAndSet(key, expected, value, ttl);
        calls.add(set ? new Call("set", key, value, ttl) : new Call("get", key, null, null));
        return set;
    }

    @Override
    public synchronized boolean compareAndDelete(String key, String expected) {
        boolean deleted = delegate.compareAndDelete(key, expected);
        calls.add(new Call(deleted ? "delete" : "get", key, null, null));
        return deleted;
    }

    /** The set, delete and increment calls since the last {@link #clear()}. */
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

    public AtomicSecondaryStorage delegate() {
        return delegate;
    }
}
