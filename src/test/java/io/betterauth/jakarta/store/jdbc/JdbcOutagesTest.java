package io.betterauth.jakarta.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.spi.StoreUnavailableException;
import io.betterauth.jakarta.store.memory.InMemorySessionStore;
import io.betterauth.jakarta.testing.FaultyStore;
import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The JDBC half of "an outage is 503, never a sign-out" (T-37): a JDBC error is an outage unless its SQLState blames
 * the data, and an application's own store is held to the {@link StoreUnavailableException} contract by it.
 */
class JdbcOutagesTest {

    static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void aJdbcErrorIsAnOutage_unlessItsSqlStateBlamesTheDataOrTheSchema() {
        assertThat(JdbcOutages.isOutage(new IllegalStateException(new SQLTransientConnectionException("refused"))))
                .isTrue();
        assertThat(JdbcOutages.isOutage(new IllegalStateException(new SQLException("gone", "08006")))).isTrue();
        // a pooled connection closed under the request after the database went away (HikariCP: no SQLState)
        assertThat(JdbcOutages.isOutage(new IllegalStateException(new SQLException("Connection is closed")))).isTrue();
        // class 42: an undefined column (schema drift); class 22: a data exception
        assertThat(JdbcOutages.isOutage(new IllegalStateException(new SQLException("no column", "42703")))).isFalse();
        assertThat(JdbcOutages.isOutage(new SQLException("bad timestamp", "22007"))).isFalse();
        // not JDBC at all: for core's own rule (StoreUnavailableException, I/O errors) to judge
        assertThat(JdbcOutages.isOutage(new IllegalStateException(new EOFException()))).isFalse();
        assertThat(JdbcOutages.isOutage(new IllegalArgumentException("Cannot parse"))).isFalse();
    }

    @Test
    void anApplicationsStore_reportsItsJdbcOutagesAsStoreUnavailable_onEveryCall() {
        RuntimeException[] failure = new RuntimeException[1];
        SessionStore failing = (SessionStore) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionStore.class}, (proxy, method, args) -> {
                    throw failure[0];
                });
        SessionStore reported = JdbcOutages.reported(failing);
        Session s = new Session("id", "token", "user", NOW.plusSeconds(60), NOW, NOW, null, null);
        List<Consumer<SessionStore>> calls = List.of(st -> st.create(s), st -> st.findByToken("t"),
                st -> st.findWithUser("t", null), st -> st.updateExpiry("t", NOW, NOW),
                st -> st.refreshExpiry("t", NOW, NOW, NOW), st -> st.updateAdditional("t", java.util.Map.of(), NOW),
                st -> st.delete("t"), st -> st.listByUser("u"), st -> st.deleteByUser("u"),
                st -> st.userUpdated(null));
        for (Consumer<SessionStore> call : calls) {
            failure[0] = new IllegalStateException(new SQLException("gone", "08006"));
            assertThatThrownBy(() -> call.accept(reported)).isInstanceOf(StoreUnavailableException.class)
                    .hasRootCause(failure[0].getCause());
            RuntimeException dataError = new IllegalStateException(new SQLException("no column", "42703"));
            failure[0] = dataError;
            assertThatThrownBy(() -> call.accept(reported)).isSameAs(dataError);
            StoreUnavailableException reportedAlready = new StoreUnavailableException("down", null);
            failure[0] = reportedAlready;
            assertThatThrownBy(() -> call.accept(reported)).isSameAs(reportedAlready);
        }
    }

    @Test
    void anApplicationsStore_thatWorks_isUnchanged() {
        FaultyStore.Wrapped<SessionStore> app = FaultyStore.wrap(SessionStore.class, new InMemorySessionStore());
        SessionStore reported = JdbcOutages.reported(app.store());
        Session s = new Session("id", "token", "user", NOW.plusSeconds(60), NOW, NOW, null, null);
        reported.create(s);
        assertThat(reported.findByToken("token")).contains(s);
        assertThat(reported.listByUser("user")).containsExactly(s);
        reported.delete("token");
        assertThat(app.faults().calls("delete")).isEqualTo(1);
        assertThat(reported.findByToken("token")).isEmpty();
    }
}
