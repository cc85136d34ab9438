package io.betterauth.jakarta.core.plugin.jwt;

import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.spi.JwksStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code jwt} plugin's keys as Better Auth chooses them ({@code resolveSigningKey}, {@code getJwksAdapter},
 * {@code createJwk}): the newest live key of the configured algorithm signs, else the newest live key of any
 * algorithm; when none is live one is minted ({@code expiresAt} = now + rotation interval when one is set). The
 * JWKS lists every key until its grace period after expiry ends, and an empty table mints a key on that read too.
 *
 * <p>Unlike Better Auth, which reads the table on every call, the rows are cached here: the signing choice and key
 * lookups use the cache and the table is read again when the cached choice has expired, when the cache is older
 * than {@link #MAX_STALENESS} (so a key whose row an operator deleted stops verifying and signing within that time),
 * when a key id is not in the cache (at most once per {@link #MIN_REFRESH} for unknown ids, so made-up ids cannot
 * hammer the database), and on every JWKS read. Decrypted keys are cached by id. Several servers minting at once each add a row; that is harmless,
 * since tokens name their key.
 */
public final class KeyRing {

    /** The shortest time between two table reads caused by unknown key ids. */
    public static final Duration MIN_REFRESH = Duration.ofSeconds(30);
    /**
     * The longest the cached rows answer before the table is read again: the delay after which a deleted (revoked)
     * key no longer verifies a session-cache JWT nor signs. A failed read keeps the cached rows for another period.
     */
    public static final Duration MAX_STALENESS = Duration.ofSeconds(30);

    private static final int MAX_SIGNERS = 8;
    private static final Comparator<JwkRecord> NEWEST_FIRST = Comparator.comparing(JwkRecord::createdAt).reversed();

    /**
     * How keys are minted and kept: Better Auth's {@code jwks} options.
     *
     * @param algorithm        {@code keyPairConfig.alg} (EdDSA by default)
     * @param configuredCrv    {@code keyPairConfig.crv} when set explicitly (the JWKS's fallback), else null
     * @param modulusLength    {@code keyPairConfig.modulusLength} for RSA (2048 by default)
     * @param rotationInterval {@code rotationInterval}, or null for keys that never expire
     * @param gracePeriod      {@code gracePeriod} (30 days by default)
     */
    public record Settings(JwkAlgorithm algorithm, String configuredCrv, int modulusLength, Duration rotationInterval,
            Duration gracePeriod) {

        /** Better Auth's defaults: EdDSA, no rotation, 30 days' grace. */
        public static final Settings DEFAULT = new Settings(JwkAlgorithm.EDDSA, null,
                JwkGenerator.DEFAULT_MODULUS_LENGTH, null, Duration.ofSeconds(JwksDocument.DEFAULT_GRACE_PERIOD));

        public Settings {
            if (rotationInterval != null && (rotationInterval.isZero() || rotationInterval.isNegative())) {
                throw new IllegalArgumentException("The JWKS rotation interval must be positive");
            }
            if (gracePeriod.isNegative()) {
                throw new IllegalArgumentException("The JWKS grace period must not be negative");
            }
        }
    }

    private final JwksStore store;
    private final PrivateKeyEnvelope envelope;
    private final Settings settings;
    private final Clock clock;
    private final IdGenerator ids = new IdGenerator();
    private final Object staleness = new Object();
    private final Map<String, SigningKey> signers = new ConcurrentHashMap<>();
    private volatile List<JwkRecord> rows;
    private volatile Instant rowsReadAt = Instant.MIN;
    private volatile Instant lastUnknownKidRefresh = Instant.MIN;

    public KeyRing(JwksStore store, PrivateKeyEnvelope envelope, Settings settings, Clock clock) {
        this.store = store;
        this.envelope = envelope;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The key that signs now, minting one when no stored key is live.
     *
     * @throws PrivateKeyEnvelope.UndecryptableKeyException when the chosen key was encrypted with another secret
     */
    public SigningKey signingKey() {
        Instant now = clock.instant();
        List<JwkRecord> cached = rows == null ? null : unlessStale(now);
        Optional<JwkRecord> chosen = cached == null ? Optional.empty() : choose(cached, now);
        if (chosen.isEmpty()) {
            chosen = mintIfNoneLive();
        }
        return signer(chosen.orElseThrow());
    }

    private synchronized Optional<JwkRecord> mintIfNoneLive() {
        Instant now = clock.instant();
        List<JwkRecord> fresh = refresh();
        Optional<JwkRecord> chosen = choose(fresh, now);
        if (chosen.isPresent()) {
            return chosen;
        }
        JwkRecord minted = mint(now);
        refresh();
        return Optional.of(minted);
    }

    /** The newest live key of the configured algorithm, else the newest live key ({@code getLatestKeyByAlg ?? getLatestKey}). */
    private Optional<JwkRecord> choose(List<JwkRecord> keys, Instant now) {
        String primary = settings.algorithm().alg();
        List<JwkRecord> live = keys.stream().filter(k -> k.liveAt(now)).sorted(NEWEST_FIRST).toList();
        return live.stream().filter(k -> primary.equals(k.alg() != null ? k.alg() : primary)).findFirst()
                .or(() -> live.stream().findFirst());
    }

    /**
     * The body of {@code GET <jwksPath>}: the store is read (and the cache refreshed), and a key is minted first when
     * the table is empty.
     */
    public String jwks() {
        List<JwkRecord> keys = refresh();
        if (keys.isEmpty()) {
            synchronized (this) {
                keys = refresh();
                if (keys.isEmpty()) {
                    mint(clock.instant());
                    keys = refresh();
                }
            }
        }
        return JwksDocument.json(keys, settings.algorithm(), settings.configuredCrv(), settings.gracePeriod().toSeconds(),
                clock.instant());
    }

    /**
     * The stored key with this id, expired ones included; an id the cache does not know reads the table again, at
     * most once per {@link #MIN_REFRESH}.
     */
    public Optional<JwkRecord> byKid(String kid) {
        Instant now = clock.instant();
        List<JwkRecord> cached = rows == null ? null : unlessStale(now);
        Optional<JwkRecord> hit = cached == null ? Optional.empty() : find(cached, kid);
        if (hit.isPresent()) {
            return hit;
        }
        synchronized (this) {
            // not twice for one lookup: the rows may have just been read as stale
            if (cached != null && (now.isBefore(lastUnknownKidRefresh.plus(MIN_REFRESH))
                    || !rowsReadAt.isBefore(now))) {
                return find(rows, kid);
            }
            lastUnknownKidRefresh = now;
        }
        return find(refresh(), kid);
    }

    private static Optional<JwkRecord> find(List<JwkRecord> keys, String kid) {
        return keys.stream().filter(k -> k.id().equals(kid)).findFirst();
    }

    private List<JwkRecord> refresh() {
        Instant at = clock.instant();
        List<JwkRecord> keys = List.copyOf(store.all());
        rows = keys;
        rowsReadAt = at;
        return keys;
    }

    /**
     * The cached rows, read again first when they are {@link #MAX_STALENESS} old (one reader does; the others use
     * the rows at hand meanwhile). A store that cannot be read leaves the cached rows in use for another period.
     */
    private List<JwkRecord> unlessStale(Instant now) {
        if (now.isBefore(rowsReadAt.plus(MAX_STALENESS))) {
            return rows;
        }
        synchronized (staleness) {
            if (now.isBefore(rowsReadAt.plus(MAX_STALENESS))) {
                return rows;
            }
            try {
                return refresh();
            } catch (StoreUnavailableException e) {
                rowsReadAt = now;
                return rows;
            }
        }
    }

    private JwkRecord mint(Instant now) {
        JwkGenerator.ExportedKeyPair pair = JwkGenerator.generate(settings.algorithm(), settings.modulusLength());
        String crv = settings.configuredCrv() != null ? settings.configuredCrv()
                : settings.algorithm().crv().orElse(null);
        JwkRecord key = new JwkRecord(ids.generate(), pair.publicJwk(), envelope.seal(pair.privateJwk()),
                Instant.ofEpochMilli(now.toEpochMilli()),
                settings.rotationInterval() == null ? null
                        : Instant.ofEpochMilli(now.plus(settings.rotationInterval()).toEpochMilli()),
                settings.algorithm().alg(), crv);
        store.create(key);
        return key;
    }

    private SigningKey signer(JwkRecord key) {
        if (signers.size() >= MAX_SIGNERS && !signers.containsKey(key.id())) {
            signers.clear(); // only the current key signs; older ones are decrypted again if ever chosen
        }
        return signers.computeIfAbsent(key.id(), id -> {
            JwkAlgorithm algorithm = key.alg() != null ? JwkAlgorithm.named(key.alg()) : settings.algorithm();
            return new SigningKey(id, algorithm, JwkKeys.signer(algorithm, envelope.open(key.privateKey())));
        });
    }
}
