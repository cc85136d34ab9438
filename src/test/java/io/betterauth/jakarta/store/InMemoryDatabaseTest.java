package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.store.jdbc.InMemoryDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;

class InMemoryDatabaseTest {

    @Test
    void inMemoryUrls_areRecognized_whateverTheirCase() {
        assertThat(InMemoryDatabase.isInMemory("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE")).isTrue();
        assertThat(InMemoryDatabase.isInMemory("JDBC:H2:MEM:ExampleDS")).isTrue();
        assertThat(InMemoryDatabase.isInMemory("jdbc:hsqldb:mem:app")).isTrue();
        assertThat(InMemoryDatabase.isInMemory("jdbc:derby:memory:app;create=true")).isTrue();
        assertThat(InMemoryDatabase.isInMemory("jdbc:sqlite::memory:")).isTrue();
    }

    @Test
    void persistentDatabases_areNot() {
        assertThat(InMemoryDatabase.isInMemory("jdbc:postgresql://127.0.0.1:5432/mem")).isFalse();
        assertThat(InMemoryDatabase.isInMemory("jdbc:mariadb://127.0.0.1:3306/test")).isFalse();
        assertThat(InMemoryDatabase.isInMemory("jdbc:h2:/var/lib/app/memory")).isFalse();
        assertThat(InMemoryDatabase.isInMemory("jdbc:h2:file:./mem")).isFalse();
        assertThat(InMemoryDatabase.isInMemory("jdbc:hsqldb:file:/data/app")).isFalse();
        assertThat(InMemoryDatabase.isInMemory(null)).isFalse();
    }

    @Test
    void theUrlH2ReportsForItsMemoryDatabase_isRecognized() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:detect", "sa", "")) {
            assertThat(InMemoryDatabase.isInMemory(c.getMetaData().getURL())).isTrue();
        }
    }
}
