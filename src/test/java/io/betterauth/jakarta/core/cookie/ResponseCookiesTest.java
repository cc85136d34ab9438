package io.betterauth.jakarta.core.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseCookiesTest {

    final List<String> written = new ArrayList<>();
    final ResponseCookies.Headers headers = ResponseCookies.Headers.of((n, v) -> written.add("add " + n + ": " + v),
            (n, v) -> written.add("set " + n + ": " + v));

    @Test
    void eachLineIsItsOwnHeaderInOrder_thenNoStore() { // T-11
        ResponseCookies.write(List.of("a=1; Path=/", "b=; Max-Age=0"), headers);
        assertThat(written).containsExactly("add Set-Cookie: a=1; Path=/", "add Set-Cookie: b=; Max-Age=0",
                "set Cache-Control: no-store");
    }

    @Test
    void noCookies_noHeaders() {
        ResponseCookies.write(List.of(), headers);
        assertThat(written).isEmpty();
    }
}
