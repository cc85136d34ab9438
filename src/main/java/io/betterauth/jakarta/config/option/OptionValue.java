package io.betterauth.jakarta.config.option;

import java.util.Locale;
import java.util.Optional;

/**
 * An option whose value is one of a few names, as Better Auth types its string unions ({@code "compact" | "jwt" |
 * "jwe"}): implemented by this package's enums, so that configuration names them as Better Auth does and the code
 * compares constants, never strings.
 */
public interface OptionValue {

    /** The name used in configuration and by Better Auth. */
    String configValue();

    /** The constant of {@code type} whose configuration name is exactly {@code value}; empty for any other. */
    static <E extends Enum<E> & OptionValue> Optional<E> named(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.configValue().equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** As {@link #named}, ignoring letter case and surrounding blanks (null matches nothing). */
    static <E extends Enum<E> & OptionValue> Optional<E> namedInAnyCase(Class<E> type, String value) {
        return value == null ? Optional.empty() : named(type, value.trim().toLowerCase(Locale.ROOT));
    }
}
