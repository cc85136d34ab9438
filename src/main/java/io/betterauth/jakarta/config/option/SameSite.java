package io.betterauth.jakarta.config.option;

/**
 * The cookies' {@code SameSite} attribute ({@code advanced.defaultCookieAttributes.sameSite}): Better Auth takes
 * {@code "strict"}, {@code "lax"} (its default) or {@code "none"}, in any letter case, and writes the attribute
 * capitalised.
 */
public enum SameSite implements OptionValue {

    STRICT("strict", "Strict"),
    LAX("lax", "Lax"),
    /** Sent on cross-site requests too; the cookie is then always {@code Secure}. */
    NONE("none", "None");

    private final String configValue;
    private final String attributeValue;

    SameSite(String configValue, String attributeValue) {
        this.configValue = configValue;
        this.attributeValue = attributeValue;
    }

    /** As {@code Set-Cookie} writes it: {@code Strict}, {@code Lax} or {@code None}. */
    public String attributeValue() {
        return attributeValue;
    }

    /** {@code strict}, {@code lax} or {@code none}. */
    @Override
    public String configValue() {
        return configValue;
    }

    /**
     * Parses a configuration value, in any letter case.
     *
     * @throws IllegalArgumentException for anything but strict, lax or none
     */
    public static SameSite parse(String value) {
        return OptionValue.namedInAnyCase(SameSite.class, value)
                .orElseThrow(() -> new IllegalArgumentException("expected 'strict', 'lax' or 'none'"));
    }
}
