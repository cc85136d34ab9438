package io.betterauth.jakarta.spi;

import java.time.Duration;

/**
 * An optional store capability: a cheap reachability check that ends within about {@code timeout}, for readiness
 * probes. The JPA stores run a primary-key lookup with a query timeout; the Redis storage sends {@code PING}. A
 * store that cannot tell simply does not implement it.
 */
public interface StoreProbe {

    /**
     * Returns when the store answered.
     *
     * @param timeout how long the check may take (the store bounds its own wait by it where it can)
     * @throws StoreUnavailableException when it did not answer; the message is short and never carries a credential
     */
    void probe(Duration timeout);
}
