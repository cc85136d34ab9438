package io.betterauth.jakarta.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantTimeTest {

    @Test
    void comparesStringsAsUtf8_andNullEqualsNothing() {
        assertThat(ConstantTime.equal("sessión", "sessión")).isTrue();
        assertThat(ConstantTime.equal("session", "sessioN")).isFalse();
        assertThat(ConstantTime.equal("session", "session2")).isFalse();
        assertThat(ConstantTime.equal((String) null, "x")).isFalse();
        assertThat(ConstantTime.equal((String) null, null)).isFalse();
    }

    @Test
    void comparesBytes_andNullEqualsNothing() {
        assertThat(ConstantTime.equal(new byte[] {1, 2}, new byte[] {1, 2})).isTrue();
        assertThat(ConstantTime.equal(new byte[] {1, 2}, new byte[] {1, 3})).isFalse();
        assertThat(ConstantTime.equal((byte[]) null, null)).isFalse();
    }
}
