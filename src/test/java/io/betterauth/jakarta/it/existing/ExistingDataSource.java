package io.betterauth.jakarta.it.existing;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The existing application's own database (H2 in memory, the driver in its {@code WEB-INF/lib}), shared by its unit
 * ({@code jta-data-source}) and the library ({@code better-auth.database.jndi-name}); not the container's default one,
 * where other applications' libraries may have created Better Auth's tables under their default names.
 */
@DataSourceDefinition(name = "java:app/jdbc/existing", className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:mem:existing-app;DB_CLOSE_DELAY=-1")
@WebListener
public class ExistingDataSource implements ServletContextListener {
}
