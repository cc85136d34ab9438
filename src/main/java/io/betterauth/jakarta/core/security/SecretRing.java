package io.betterauth.jakarta.core.security;

import io.betterauth.jakarta.config.BetterAuthConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Better Auth's secrets (spec §1.3): the current secret, older versions still accepted, and optionally the legacy
 * single {@code secret} that was in use before versioned secrets were configured. The form is Better Auth's
 * {@code BETTER_AUTH_SECRETS} variable, {@code "2:new,1:old"}, where the <em>first</em> entry is current whatever
 * its number.
 *
 * <p>{@link #all()} is the order in which the cookie-cache codecs try secrets: current first, then the older
 * versions in configuration order, then the legacy secret (left out when it equals Better Auth's public development
 * secret or one of the versioned values, as {@code buildSecretConfig}/{@code getAllSecrets} do). A plain single
 * secret is a ring of one, version 0, which is how Better Auth treats a string secret.
 *
 * <p>Secret values never appear in {@link #toString()} or in exception messages.
 */
public final class SecretRing {

    /** The version Better Auth gives the legacy secret when it is appended to the ring. */
    public static final int LEGACY_VERSION = -1;

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}");

    /**
     * One secret and its version.
     *
     * @param version non-negative configured version, 0 for a single plain secret, {@link #LEGACY_VERSION} for the
     *                legacy secret
     * @param value   the secret; its UTF-8 bytes are the HMAC key and the HKDF input
     */
    public record Secret(int version, String value) {
        @Override
        public String toString() {
            return "Secret[version=" + version + "]";
        }
    }

    private final List<Secret> all;
    private final boolean versioned;
    private final Secret legacy;

    private SecretRing(List<Secret> all, boolean versioned, Secret legacy) {
        this.all = List.copyOf(all);
        this.versioned = versioned;
        this.legacy = legacy;
    }

    /** A single secret ({@code better-auth.secret} / {@code BETTER_AUTH_SECRET} without versioned secrets). */
    public static SecretRing single(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A secret is required");
        }
        return new SecretRing(List.of(new Secret(0, secret)), false, null);
    }

    /**
     * Parses {@code BETTER_AUTH_SECRETS}: comma-separated {@code <version>:<secret>} entries, current first. Blanks
     * around entries and values are ignored. The version must be all digits; Better Auth's {@code parseInt} would
     * also accept {@code "2x"} as 2, which is rejected here as the likely typo it is.
     *
     * @param secrets      e.g. {@code "2:new-secret,1:old-secret"}
     * @param legacySecret the plain {@code secret} still configured alongside, or {@code null}
     * @throws IllegalArgumentException naming the offending position or version (never the secret)
     */
    public static SecretRing parse(String secrets, String legacySecret) {
        if (secrets == null || secrets.isBlank()) {
            throw new IllegalArgumentException("BETTER_AUTH_SECRETS is empty. Expected comma-separated "
                    + "\"<version>:<secret>\" entries, current first, e.g. \"2:new-secret,1:old-secret\"");
        }
        List<Secret> parsed = new ArrayList<>();
        String[] entries = secrets.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("Invalid BETTER_AUTH_SECRETS entry at position " + (i + 1)
                        + ". Expected format: \"<version>:<secret>\"");
            }
            String version = entry.substring(0, colon).trim();
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("Invalid version in BETTER_AUTH_SECRETS entry at position "
                        + (i + 1) + ". Version must be a non-negative integer.");
            }
            parsed.add(new Secret(Integer.parseInt(version), entry.substring(colon + 1).trim()));
        }
        return of(parsed, legacySecret);
    }

    /**
     * A ring from versioned secrets (Better Auth's {@code secrets} option), current first.
     *
     * @throws IllegalArgumentException for an empty list, a negative version, an empty value or a duplicate version
     */
    public static SecretRing of(List<Secret> secrets, String legacySecret) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("BETTER_AUTH_SECRETS must contain at least one entry.");
        }
        Set<Integer> versions = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (Secret s : secrets) {
            if (s.version() < 0) {
                throw new IllegalArgumentException("Invalid version " + s.version()
                        + " in BETTER_AUTH_SECRETS. Version must be a non-negative integer.");
            }
            if (s.value() == null || s.value().isEmpty()) {
                throw new IllegalArgumentException("Empty secret value for version " + s.version()
                        + " in BETTER_AUTH_SECRETS.");
            }
            if (!versions.add(s.version())) {
                throw new IllegalArgumentException("Duplicate version " + s.version()
                        + " in BETTER_AUTH_SECRETS. Each version must be unique.");
            }
            values.add(s.value());
        }
        List<Secret> all = new ArrayList<>(secrets);
        Secret legacy = legacySecret == null || legacySecret.isEmpty()
                || BetterAuthConfig.DEFAULT_SECRET.equals(legacySecret) ? null : new Secret(LEGACY_VERSION, legacySecret);
        if (legacy != null && !values.contains(legacySecret)) {
            all.add(legacy);
        }
        return new SecretRing(all, true, legacy);
    }

    /** The secret new cookies are signed and encrypted with. */
    public Secret current() {
        return all.get(0);
    }

    /** Every accepted secret, current first, then older versions, then the legacy secret. */
    public List<Secret> all() {
        return all;
    }

    /**
     * Whether the secrets are versioned ({@code BETTER_AUTH_SECRETS}), where Better Auth's {@code symmetricEncrypt}
     * writes the {@code $ba$<version>$} envelope; a single plain secret is a string key to it, and writes bare hex.
     */
    public boolean versioned() {
        return versioned;
    }

    /** The configured secret of this version ({@code BETTER_AUTH_SECRETS}), if any; never the legacy secret. */
    public Optional<Secret> version(int version) {
        return all.stream().filter(s -> s.version() == version && s.version() != LEGACY_VERSION).findFirst();
    }

    /**
     * The legacy secret as Better Auth's {@code secretConfig.legacySecret} holds it: the plain {@code secret}
     * configured beside versioned secrets, unless it is the public development secret, <em>kept even when it equals
     * a versioned value</em> (unlike {@link #all()}), because {@code symmetricDecrypt} reads bare hex with it. Empty
     * for a single plain secret.
     */
    public Optional<Secret> legacy() {
        return Optional.ofNullable(legacy);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("SecretRing[versions=");
        for (int i = 0; i < all.size(); i++) {
            out.append(i == 0 ? "" : ",").append(all.get(i).version() == LEGACY_VERSION ? "legacy"
                    : String.valueOf(all.get(i).version()));
        }
        return out.append(']').toString();
    }
}
