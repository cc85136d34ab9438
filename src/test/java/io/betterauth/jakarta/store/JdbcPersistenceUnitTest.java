package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The library's own resource-local unit (Tomcat's path): the JAR's JTA unit opened on a JDBC URL, the driver found
 * without {@code DriverManager}, the tables created over its connection and used through its transactions.
 */
class JdbcPersistenceUnitTest {

    @Test
    void opensTheJarsUnit_resourceLocal_onAJdbcUrl() throws SQLException {
        String url = "jdbc:h2:mem:unit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcPersistenceUnit unit = JdbcPersistenceUnit.open(url, "sa", "")) {
            try (Connection c = unit.connect()) {
                assertThat(SchemaInstaller.installIfMissing(c)).isTrue();
            }
            Number rows = unit.transactions().inTransaction(em ->
                    (Number) em.createNativeQuery("select count(*) from \"session\"").getSingleResult());
            assertThat(rows.longValue()).isZero();
        }
    }

    @Test
    void keepsAtMostThePoolSizesConnections_theNextBorrowerGetsATransientFailure() throws SQLException {
        String url = "jdbc:h2:mem:unit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (JdbcPersistenceUnit unit = JdbcPersistenceUnit.open(url, "sa", "", ModelNames.defaults(), 2);
             Connection first = unit.dataSource().getConnection();
             Connection second = unit.dataSource().getConnection()) {
            assertThat(first.isValid(1)).isTrue();
            assertThat(second.isValid(1)).isTrue();
            // the third waits the pool's bounded borrow time, then fails as an outage (503), not forever
            assertThatThrownBy(() -> unit.dataSource().getConnection())
                    .isInstanceOf(SQLTransientConnectionException.class).hasMessageContaining("all 2 in use");
            second.close();
            try (Connection third = unit.dataSource().getConnection()) {
                assertThat(third.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aUrlNoDriverAccepts_saysWhatToAdd() {
        assertThatThrownBy(() -> JdbcPersistenceUnit.open("jdbc:nosuchdb://host/db", null, null))
                .isInstanceOf(SQLException.class).hasMessageContaining("better-auth.database.url")
                .hasMessageContaining("driver");
    }
}
