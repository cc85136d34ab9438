package io.betterauth.jakarta.spi;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every {@link SecondaryStorage} must do for Better Auth's session keys: store a JSON string unchanged under a
 * key with a time to live (a new {@code set} replacing both), answer it until that time has passed and nothing after,
 * and delete it. Run against the library's memory and Redis storages; an application tests its own storage by
 * extending this class (published in the {@code tests} JAR) and implementing {@link #storage()}; it needs JUnit 5
 * only. Keys are random per run, so runs sharing a store do not meet; {@link #keysUsed()} lists them for clean-up.
 *
 * <p>Time passes through {@link #elapse}: real time by default (a few seconds per run: the shortest TTL Better Auth
 * writes is one second), or a test clock the storage reads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SecondaryStorageContract {

    /** Enough past a one-second TTL that every store has let the value go. */
    static final Duration PAST_ONE_SECOND = Duration.ofMillis(1200);

    private final List<String> keys = new ArrayList<>();

    /** The storage under test, as one client (one application instance) sees it. */
    protected abstract SecondaryStorage storage();

    /** A second client of the same store (another application instance); {@link #storage()} itself by default. */
    protected SecondaryStorage otherClient() {
        return storage();
    }

    /** Lets {@code time} pass for the store: sleeps by default; a storage on a test clock moves the clock instead. */
    protected void elapse(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A key no other run uses, shaped as Better Auth's ({@code <what>-<id>}). */
    protected String key(String what) {
        String key = what + "-contract-" + UUID.randomUUID();
        keys.add(key);
        return key;
    }

    /** Every key a test used, for the clean-up of stores that outlive the test. */
    protected List<String> keysUsed() {
        return keys;
    }

    @Test
    void get_ofAKeyNeverSet_isEmpty() {
        assertEquals(Optional.empty(), storage().get(key("missing")));
    }

    @Test
    void set_storesTheJsonValueUnchanged_forEveryClient() {
        String session = key("session-token");
        // Better Auth's value: JSON as JSON.stringify writes it, non-ASCII and escapes included
        String value = "{\"session\":{\"id\":\"a\",\"userAgent\":\"Mozilla/5.0 \\\"quoted\\\" \\\\ \\u0001\"},"
                + "\"user\":{\"name\":\"Zo\u00eb \u2603 \ud83d\ude00 \u2028\",\"image\":null}}";
        String list = key("active-sessions");
        String large = "[" + "{\"token\":\"t\",\"expiresAt\":1893456000000},".repeat(2000) + "1]";
        storage().set(session, value, Duration.ofSeconds(60));
        storage().set(list, large, Duration.ofSeconds(60));
        assertAll(
                () -> assertEquals(Optional.of(value), storage().get(session)),
                () -> assertEquals(Optional.of(value), otherClient().get(session)),
                () -> assertEquals(Optional.of(large), otherClient().get(list)));
    }

    @Test
    void set_replacesTheValue_andItsTimeToLive() {
        String longer = key("longer");
        storage().set(longer, "[1]", Duration.ofSeconds(1));
        otherClient().set(longer, "[2]", Duration.ofSeconds(60));
        String shorter = key("shorter");
        storage().set(shorter, "[1]", Duration.ofSeconds(60));
        otherClient().set(shorter, "[2]", Duration.ofSeconds(1));
        assertEquals(Optional.of("[2]"), storage().get(shorter));
        elapse(PAST_ONE_SECOND);
        assertAll(
                () -> assertEquals(Optional.of("[2]"), storage().get(longer)),
                () -> assertEquals(Optional.empty(), storage().get(shorter)));
    }

    @Test
    void aValue_livesItsTimeToLive_andIsAbsentAfterwards_forEveryClient() {
        String key = key("expiring");
        String lasting = key("lasting");
        storage().set(key, "{\"v\":1}", Duration.ofSeconds(1));
        storage().set(lasting, "{\"v\":2}", Duration.ofSeconds(3));
        assertEquals(Optional.of("{\"v\":1}"), otherClient().get(key));
        elapse(PAST_ONE_SECOND);
        assertAll(
                () -> assertEquals(Optional.empty(), storage().get(key)),
                () -> assertEquals(Optional.empty(), otherClient().get(key)),
                () -> assertEquals(Optional.of("{\"v\":2}"), storage().get(lasting)));
    }

    @Test
    void aSubSecondRemainder_mayBeRounded_butNeverToForever() {
        // Better Auth passes whole seconds; a remainder below one second must still expire (better-auth#10992)
        String key = key("sub-second");
        storage().set(key, "x", Duration.ofMillis(1500));
        elapse(PAST_ONE_SECOND.plus(PAST_ONE_SECOND));
        assertEquals(Optional.empty(), storage().get(key));
    }

    @Test
    void set_rejectsATimeToLiveThatIsNotPositive_andWritesNothing() {
        String key = key("ttl");
        assertThrows(IllegalArgumentException.class, () -> storage().set(key, "x", Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> storage().set(key, "x", Duration.ofSeconds(-1)));
        assertEquals(Optional.empty(), storage().get(key));
    }

    @Test
    void delete_removesTheKeyForEveryClient_andOnlyThatKey() {
        String token = key("token");
        String list = key("active-sessions");
        String marker = key("revoked-sessions-before");
        storage().set(token, "{}", Duration.ofSeconds(60));
        storage().set(list, "[]", Duration.ofSeconds(60));
        storage().set(marker, "1893456000000", Duration.ofSeconds(60));
        otherClient().delete(token);
        assertAll(
                () -> assertEquals(Optional.empty(), storage().get(token)),
                () -> assertEquals(Optional.of("[]"), storage().get(list)),
                () -> assertEquals(Optional.of("1893456000000"), otherClient().get(marker)));
    }

    @Test
    void delete_ofAMissingKey_isNoError() {
        String key = key("never-set");
        assertDoesNotThrow(() -> storage().delete(key));
        assertEquals(Optional.empty(), storage().get(key));
    }
}
