package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import java.sql.Connection;
import java.sql.SQLException;
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
    void aUrlNoDriverAccepts_saysWhatToAdd() {
        assertThatThrownBy(() -> JdbcPersistenceUnit.open("jdbc:nosuchdb://host/db", null, null))
                .isInstanceOf(SQLException.class).hasMessageContaining("better-auth.database.url")
                .hasMessageContaining("driver");
    }
}
