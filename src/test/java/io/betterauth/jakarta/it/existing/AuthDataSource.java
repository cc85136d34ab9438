package io.betterauth.jakarta.it.existing;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.ServletContextListener;

/** The application's own pooled data source for the library, declared the portable way (PostgreSQL). */
@DataSourceDefinition(name = "java:app/jdbc/auth", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "jdbc:postgresql://127.0.0.1:5432/ba_jndi", user = "postgres", password = "")
@WebListener
public class AuthDataSource implements ServletContextListener {
}
