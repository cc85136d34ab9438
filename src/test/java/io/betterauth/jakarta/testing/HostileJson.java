package io.betterauth.jakarta.testing;

import java.util.List;

/**
 * JSON documents whose numbers or nesting JSON-P's provider cannot hold (Parsson answers them with unchecked
 * exceptions other than {@code JsonException}, or with a {@code BigDecimal} that later conversions expand), as a
 * client may send them in a request body or a cookie cache. Each is an object or an array at the top level.
 */
public final class HostileJson {

    /** An exponent beyond an {@code int}, a number beyond Parsson's 1,100 characters, nesting beyond its 1,000. */
    public static final List<String> DOCUMENTS = List.of(
            "{\"email\":1e9999999999}",
            "{\"email\":-1E-9999999999}",
            "{\"email\":1e+00000000000000099999}",
            "{\"email\":1e999999999}",
            "{\"email\":" + "7".repeat(1101) + "}",
            "{\"email\":0." + "1".repeat(2000) + "}",
            "{\"email\":-" + "9".repeat(1000) + "e9999}",
            "[".repeat(20_000) + "]".repeat(20_000),
            "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
            "[".repeat(20_000));

    private HostileJson() {
    }
}
