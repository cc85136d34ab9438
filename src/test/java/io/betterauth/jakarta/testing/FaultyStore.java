package io.betterauth.jakarta.testing;

import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps any store interface so that the N-th call of one operation fails with {@link StoreUnavailableException}
 * before it reaches the real store (the database went away at that moment); every other call passes through.
 */
public final class FaultyStore implements InvocationHandler {

    private final Object delegate;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile String failing;
    private volatile int failOn;

    private FaultyStore(Object delegate) {
        this.delegate = delegate;
    }

    /** The wrapped store and the handle that arms its faults. */
    public record Wrapped<T>(T store, FaultyStore faults) {
    }

    public static <T> Wrapped<T> wrap(Class<T> type, T delegate) {
        FaultyStore faults = new FaultyStore(delegate);
        return new Wrapped<>(type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, faults)),
                faults);
    }

    /** The {@code n}-th call (1 = the next one) of {@code operation} from now on fails; one fault at a time. */
    public void failOn(String operation, int n) {
        calls.remove(operation);
        failOn = n;
        failing = operation;
    }

    /** The store works again. */
    public void heal() {
        failing = null;
    }

    /** How many times {@code operation} was called since it was last armed. */
    public int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    @Override
    public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
        int n = calls.computeIfAbsent(method.getName(), k -> new AtomicInteger()).incrementAndGet();
        if (method.getName().equals(failing) && n == failOn) {
            throw new StoreUnavailableException("injected fault in " + method.getName(), null);
        }
        try {
            return method.invoke(delegate, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
