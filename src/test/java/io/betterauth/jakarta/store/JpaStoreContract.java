package io.betterauth.jakarta.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.config.plugin.AdminOptions;
import io.betterauth.jakarta.core.session.AdditionalFields;
import io.betterauth.jakarta.core.session.ColumnLimits;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.SessionAndUser;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.spi.SessionStore;
import io.betterauth.jakarta.store.jpa.schema.AdditionalColumns;
import io.betterauth.jakarta.spi.UserStore;
import io.betterauth.jakarta.store.jpa.JpaSessionStore;
import io.betterauth.jakarta.store.jpa.JpaUserStore;
import io.betterauth.jakarta.store.jpa.JdbcPersistenceUnit;
import io.betterauth.jakarta.store.jpa.JpaTransactions;
import io.betterauth.jakarta.store.jpa.schema.SessionWithUserQuery;
import io.betterauth.jakarta.store.jpa.schema.SchemaInstaller;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The store contract on JPA (Hibernate, as WildFly runs it) against a real database whose tables are created by
 * the DDL the JAR ships. Each subclass gets a database or schema of its own and drops it afterwards. A database
 * that cannot be reached fails the run: these tests never skip.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaStoreContract extends StoreContract implements ColumnLimitChecks {

    /** The app's fields after the admin plugin's, as the configuration merges them with the plugin on. */
    static final AdditionalFields SESSION_FIELDS = AdditionalFields.parse(
            "{\"activeOrganizationId\":{\"type\":\"string\"},\"seats\":{\"type\":\"number\"},"
                    + "\"pinned\":{\"type\":\"boolean\"},\"lastStepUp\":{\"type\":\"date\"}}")
            .afterPluginFields("better-auth.session.additional-fields", AdminOptions.DEFAULT.sessionFields());
    static final AdditionalFields USER_FIELDS = AdditionalFields.parse(
            "{\"nickname\":{\"type\":\"string\"},\"birthday\":{\"type\":\"date\"}}")
            .afterPluginFields("better-auth.user.additional-fields", AdminOptions.DEFAULT.userFields());

    private JdbcPersistenceUnit unit;
    private String url;
    private char quote;
    private String dialect;
    private JpaSessionStore sessions;
    private JpaUserStore users;
    private JpaSessionStore sessionsWithFields;
    private JpaUserStore usersWithFields;
    private JpaSessionStore sessionsThroughEntities;

    /** The JDBC URL of a fresh, empty database or schema. */
    protected abstract String createDatabase() throws SQLException;

    protected abstract void dropDatabase() throws SQLException;

    protected abstract String user();

    /** The tables' and columns' names (Better Auth's modelName and fields); its defaults unless a subclass renames. */
    protected ModelNames names() {
        return ModelNames.defaults();
    }

    /** A table of this model, quoted for the database. */
    private String table(String model) {
        return quote + names().model(model).modelName() + quote;
    }

    /** A column of this model, quoted for the database. */
    private String column(String model, String field) {
        return quote + names().model(model).column(field) + quote;
    }

    @BeforeAll
    void start() throws SQLException {
        String url = createDatabase();
        this.url = url;
        char quote;
        try (Connection c = DriverManager.getConnection(url, user(), "")) {
            SchemaInstaller.installIfMissing(c, names());
            SchemaInstaller.addMissingColumns(c, names().session().modelName(), SESSION_FIELDS);
            SchemaInstaller.addMissingColumns(c, names().user().modelName(), USER_FIELDS);
            dialect = SchemaInstaller.dialect(c);
            quote = SchemaInstaller.quote(dialect).charAt(0);
            this.quote = quote;
        }
        // The library's own persistence unit (defined in code), as on Tomcat.
        unit = JdbcPersistenceUnit.open(url, user(), "", names());
        JpaTransactions tx = unit.transactions();
        // As the library wires them: get-session's read as one statement on the unit's connections.
        AdditionalColumns noSessionColumns = new AdditionalColumns(AdditionalFields.none(),
                names().session().modelName(), names().session().column("token"), quote);
        AdditionalColumns noUserColumns = new AdditionalColumns(AdditionalFields.none(), names().user().modelName(),
                "id", quote);
        users = new JpaUserStore(tx, noUserColumns);
        sessions = new JpaSessionStore(tx, noSessionColumns,
                new SessionWithUserQuery(unit.dataSource(), names(), quote, noSessionColumns, noUserColumns));
        // The same tables seen by an app that declared additional fields (the contract's stores ignore the columns).
        AdditionalColumns sessionColumns = new AdditionalColumns(SESSION_FIELDS, names().session().modelName(),
                names().session().column("token"), quote);
        AdditionalColumns userColumns = new AdditionalColumns(USER_FIELDS, names().user().modelName(), "id", quote);
        usersWithFields = new JpaUserStore(tx, userColumns);
        sessionsWithFields = new JpaSessionStore(tx, sessionColumns,
                new SessionWithUserQuery(unit.dataSource(), names(), quote, sessionColumns, userColumns));
        // get-session's read through the entities, which the one statement must answer exactly as.
        sessionsThroughEntities = new JpaSessionStore(tx, sessionColumns);
    }

    @AfterAll
    void stop() throws SQLException {
        if (unit != null) {
            unit.close();
        }
        dropDatabase();
    }

    /** Additional fields are real columns of Better Auth's tables (issue 6): read them back with plain SQL. */
    @Test
    void additionalSessionFields_areStoredInTheirOwnColumns() throws SQLException {
        User u = newUser(email());
        Session s = new Session(ids.generate(), ids.generate(), u.id(), T0.plusSeconds(604800), T0, T0, "", "",
                Map.of("activeOrganizationId", "org-1", "seats", 3L, "pinned", true));
        sessionsWithFields.create(s);
        sessionsWithFields.updateAdditional(s.token(), Map.of("activeOrganizationId", "org-2",
                "lastStepUp", T0.plusSeconds(30)), T0.plusSeconds(60));
        String q = String.valueOf(quote);
        try (Connection c = DriverManager.getConnection(url, user(), "");
             java.sql.PreparedStatement st = c.prepareStatement("select " + q + "activeOrganizationId" + q + ", "
                     + q + "seats" + q + " from " + table("session") + " where " + column("session", "token") + " = ?")) {
            st.setString(1, s.token());
            try (java.sql.ResultSet rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("org-2");
                assertThat(rs.getLong(2)).isEqualTo(3L);
            }
        }
        Session read = sessionsWithFields.findByToken(s.token()).orElseThrow();
        assertThat(read.additional()).containsEntry("activeOrganizationId", "org-2").containsEntry("seats", 3L)
                .containsEntry("pinned", true).containsEntry("lastStepUp", T0.plusSeconds(30));
        assertThat(read.updatedAt()).isEqualTo(T0.plusSeconds(60));
        User withNick = new User(u.id(), u.name(), u.email(), false, null, T0, T0.plusSeconds(1), Map.of("nickname", "nick"));
        usersWithFields.update(withNick);
        assertThat(usersWithFields.findById(u.id()).orElseThrow().additional()).containsEntry("nickname", "nick");
        assertThat(sessions.findByToken(s.token()).orElseThrow().additional()).isEmpty(); // undeclared: not read
    }

    /**
     * The admin plugin's columns (issue 19), added as Better Auth's migration adds them to existing tables: a user
     * written without them (as before the plugin was on) reads {@code banned=false} from the column's default and
     * nulls for the rest; written values read back with their types; JSON puts them where a Node Better Auth on SQL
     * does, after {@code updatedAt} and before the app's fields and {@code id}.
     */
    @Test
    void adminPluginColumns_defaultBannedToFalse_roundTrip_andKeepBetterAuthsJsonOrder() {
        User u = newUser(email());
        Map<String, Object> before = usersWithFields.findById(u.id()).orElseThrow().additional();
        assertThat(before).containsEntry("banned", false).containsEntry("role", null)
                .containsEntry("banReason", null).containsEntry("banExpires", null);
        Map<String, Object> ban = new java.util.LinkedHashMap<>();
        ban.put("role", "admin,user");
        ban.put("banned", true);
        ban.put("banReason", "spam");
        ban.put("banExpires", T0.plusSeconds(3600));
        usersWithFields.update(new User(u.id(), u.name(), u.email(), false, null, T0, T0.plusSeconds(1), ban));
        User banned = usersWithFields.findById(u.id()).orElseThrow();
        assertThat(banned.additional()).containsAllEntriesOf(ban);
        assertThat(banned.toJson().keySet()).containsExactly("name", "email", "emailVerified", "image", "createdAt",
                "updatedAt", "role", "banned", "banReason", "banExpires", "nickname", "birthday", "id");

        // an unban writes nulls back, a date column's too (EclipseLink bound null as varchar: PostgreSQL refused)
        Map<String, Object> unban = new java.util.LinkedHashMap<>(ban);
        unban.put("banned", false);
        unban.put("banReason", null);
        unban.put("banExpires", null);
        usersWithFields.update(new User(u.id(), u.name(), u.email(), false, null, T0, T0.plusSeconds(2), unban));
        assertThat(usersWithFields.findById(u.id()).orElseThrow().additional()).containsEntry("banned", false)
                .containsEntry("banReason", null).containsEntry("banExpires", null).containsEntry("role", "admin,user");

        Session s = new Session(ids.generate(), ids.generate(), u.id(), T0.plusSeconds(3600), T0, T0, "", "",
                Map.of("impersonatedBy", "admin-1"));
        sessionsWithFields.create(s);
        Session read = sessionsWithFields.findByToken(s.token()).orElseThrow();
        assertThat(read.additional()).containsEntry("impersonatedBy", "admin-1");
        assertThat(read.toJson().keySet()).containsSubsequence("userId", "impersonatedBy", "activeOrganizationId",
                "id");
    }

    /**
     * Issue 20: get-session's one statement answers what the entities answer, field for field: the admin plugin's
     * and the app's additional columns of both rows (strings, numbers, booleans, dates, nulls), a verified email,
     * a null image and address.
     */
    @Test
    void findWithUser_asOneStatement_answersWhatTheEntitiesAnswer() throws SQLException {
        User u = newUser(email());
        Map<String, Object> ban = new java.util.LinkedHashMap<>();
        ban.put("role", "admin");
        ban.put("banned", true);
        ban.put("banReason", null);
        ban.put("banExpires", T0.plusSeconds(3600));
        ban.put("nickname", "nick");
        usersWithFields.update(new User(u.id(), "Renamed", u.email(), true, null, T0, T0.plusSeconds(5), ban));
        Session s = new Session(ids.generate(), ids.generate(), u.id(), T0.plusSeconds(604800), T0, T0, null,
                "agent \u00e9", Map.of("activeOrganizationId", "org-1", "seats", 3L, "pinned", false,
                "lastStepUp", T0.plusSeconds(30)));
        sessionsWithFields.create(s);
        try (Connection c = DriverManager.getConnection(url, user(), "");
             java.sql.PreparedStatement st = c.prepareStatement("update " + table("user") + " set "
                     + column("user", "emailVerified") + " = ? where " + quote + "id" + quote + " = ?")) {
            st.setBoolean(1, true);
            st.setString(2, u.id());
            st.executeUpdate();
        }

        SessionAndUser read = sessionsWithFields.findWithUser(s.token(), usersWithFields).orElseThrow();
        assertThat(read).isEqualTo(sessionsThroughEntities.findWithUser(s.token(), usersWithFields).orElseThrow());
        assertThat(read.session()).isEqualTo(sessionsWithFields.findByToken(s.token()).orElseThrow());
        assertThat(read.user()).isEqualTo(usersWithFields.findById(u.id()).orElseThrow());
        assertThat(read.user().emailVerified()).isTrue();
        assertThat(read.user().additional()).containsEntry("banned", true).containsEntry("banReason", null)
                .containsEntry("banExpires", T0.plusSeconds(3600)).containsEntry("birthday", null);
        assertThat(read.session().additional()).containsEntry("seats", 3L).containsEntry("pinned", false)
                .containsEntry("lastStepUp", T0.plusSeconds(30)).containsEntry("impersonatedBy", null);
        assertThat(read.session().ipAddress()).isNull();
        assertThat(sessionsWithFields.findWithUser(ids.generate(), usersWithFields)).isEmpty();
    }

    /** Issue 20: the store answers an expired session as stored (get-session decides), as through the entities. */
    @Test
    void findWithUser_answersAnExpiredSessionAsStored() {
        User u = newUser(email());
        Session expired = sessionExpiringAt(u, Instant.parse("2021-03-04T05:06:07.890Z"));
        assertThat(sessions.findWithUser(expired.token(), users)).contains(new SessionAndUser(expired, u));
    }

    /** Issue 20: a session whose user row is gone (a table without the cascade, a manual delete) is no session. */
    @Test
    void findWithUser_ofASessionWhoseUserRowIsGone_isEmpty() throws SQLException {
        User u = newUser(email());
        Session s = sessionExpiringAt(u, T0.plusSeconds(60));
        try (Connection c = DriverManager.getConnection(url, user(), ""); java.sql.Statement st = c.createStatement()) {
            st.execute(switch (dialect) {
                case "postgresql" -> "set session_replication_role = replica";
                case "mysql" -> "set foreign_key_checks = 0";
                default -> "set referential_integrity false";
            });
            try {
                st.executeUpdate("delete from " + table("account") + " where " + column("account", "userId")
                        + " = '" + u.id() + "'");
                st.executeUpdate("delete from " + table("user") + " where " + quote + "id" + quote + " = '" + u.id()
                        + "'");
            } finally {
                if ("h2".equals(dialect)) {
                    st.execute("set referential_integrity true");
                }
            }
        }
        assertThat(sessions.findByToken(s.token())).contains(s);
        assertThat(sessions.findWithUser(s.token(), users)).isEmpty();
        assertThat(sessionsThroughEntities.findWithUser(s.token(), usersWithFields)).isEmpty();
    }

    /** Issue 20: when the database cannot be reached the one statement fails as an outage (503, nobody signed out). */
    @Test
    void findWithUser_whenTheDatabaseIsGone_isAnOutage() throws SQLException {
        User u = newUser(email());
        Session s = sessionExpiringAt(u, T0.plusSeconds(60));
        JdbcPersistenceUnit gone = JdbcPersistenceUnit.open(url, user(), "", names());
        AdditionalColumns none = new AdditionalColumns(AdditionalFields.none(), names().session().modelName(),
                names().session().column("token"), quote);
        AdditionalColumns noUserColumns = new AdditionalColumns(AdditionalFields.none(), names().user().modelName(),
                "id", quote);
        JpaUserStore goneUsers = new JpaUserStore(gone.transactions(), noUserColumns);
        JpaSessionStore goneSessions = new JpaSessionStore(gone.transactions(), none,
                new SessionWithUserQuery(gone.dataSource(), names(), quote, none, noUserColumns));
        assertThat(goneSessions.findWithUser(s.token(), goneUsers)).contains(new SessionAndUser(s, u));
        gone.close(); // its pool refuses every connection from now on, as one whose database went away
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> goneSessions.findWithUser(s.token(), goneUsers))
                .isInstanceOf(io.betterauth.jakarta.spi.StoreUnavailableException.class);
    }

    /** Issue 20: another user store (not the one the statement reads with) is asked through the entities. */
    @Test
    void findWithUser_withAnotherUserStore_readsTheUserFromThatStore() {
        User u = newUser(email());
        Session s = sessionExpiringAt(u, T0.plusSeconds(60));
        assertThat(sessions.findWithUser(s.token(), usersWithFields).orElseThrow().user())
                .isEqualTo(usersWithFields.findById(u.id()).orElseThrow());
    }

    // The purge's rows live before 2030 (T0), so the contract's own rows never count as expired here.
    private Session sessionExpiringAt(User u, Instant expiresAt) {
        Session s = new Session(ids.generate(), ids.generate(), u.id(), expiresAt, expiresAt.minusSeconds(604800),
                expiresAt.minusSeconds(604800), "", "");
        sessions.create(s);
        return s;
    }

    private void verificationExpiringAt(String id, Instant expiresAt) throws SQLException {
        String q = String.valueOf(quote);
        try (Connection c = DriverManager.getConnection(url, user(), "");
             java.sql.PreparedStatement st = c.prepareStatement("insert into " + table("verification") + " (" + q + "id"
                     + q + ", " + column("verification", "identifier") + ", " + column("verification", "value") + ", "
                     + column("verification", "expiresAt") + ", " + column("verification", "createdAt") + ", "
                     + column("verification", "updatedAt") + ") values (?, ?, ?, ?, ?, ?)")) {
            st.setString(1, id);
            st.setString(2, "email-verification:" + id);
            st.setString(3, "v");
            st.setTimestamp(4, java.sql.Timestamp.from(expiresAt));
            st.setTimestamp(5, java.sql.Timestamp.from(expiresAt.minusSeconds(3600)));
            st.setTimestamp(6, java.sql.Timestamp.from(expiresAt.minusSeconds(3600)));
            st.executeUpdate();
        }
    }

    private java.util.Set<String> verificationIds(String prefix) throws SQLException {
        String q = String.valueOf(quote);
        java.util.Set<String> out = new java.util.HashSet<>();
        try (Connection c = DriverManager.getConnection(url, user(), "");
             java.sql.PreparedStatement st = c.prepareStatement("select " + q + "id" + q + " from "
                     + table("verification") + " where " + q + "id" + q + " like ?")) {
            st.setString(1, prefix + "%");
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Issue 9: only expired rows go, a bounded batch per call and table. */
    @Test
    void purgeExpired_deletesOnlyExpiredSessionsAndVerifications_inBoundedBatches() throws SQLException {
        Instant now = Instant.parse("2020-01-01T00:00:00Z");
        User u = newUser(email());
        java.util.List<Session> expired = new java.util.ArrayList<>();
        java.util.List<Session> live = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expired.add(sessionExpiringAt(u, now.minusSeconds(60 + i)));
        }
        for (int i = 0; i < 3; i++) {
            live.add(sessionExpiringAt(u, now.plusSeconds(60 + i)));
        }
        live.add(sessionExpiringAt(u, now)); // expiresAt == now is not yet expired
        for (int i = 0; i < 4; i++) {
            verificationExpiringAt("purge-old-" + i, now.minusSeconds(1 + i));
        }
        verificationExpiringAt("purge-new-0", now.plusSeconds(1));
        verificationExpiringAt("purge-new-1", now.plusSeconds(3600));

        assertThat(sessions.purgeExpired(now, 2)).isEqualTo(4); // 2 sessions + 2 verifications
        assertThat(expired.stream().filter(s -> sessions.findByToken(s.token()).isPresent())).hasSize(3);
        assertThat(verificationIds("purge-old-")).hasSize(2);
        assertThat(sessions.purgeExpired(now, 2)).isEqualTo(4);
        assertThat(sessions.purgeExpired(now, 2)).isEqualTo(1);
        assertThat(sessions.purgeExpired(now, 2)).isZero();

        assertThat(expired).allSatisfy(s -> assertThat(sessions.findByToken(s.token())).isEmpty());
        assertThat(live).allSatisfy(s -> assertThat(sessions.findByToken(s.token())).isPresent());
        assertThat(verificationIds("purge-")).containsExactlyInAnyOrder("purge-new-0", "purge-new-1");
        assertThat(users.findById(u.id())).isPresent();
    }

    /** Issue 9: instances purging the same rows at once neither fail nor delete a row twice. */
    @Test
    void concurrentPurges_neitherFailNorDoubleCount() throws Exception {
        Instant now = Instant.parse("2018-06-01T00:00:00Z");
        User u = newUser(email());
        java.util.List<Session> expired = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            expired.add(sessionExpiringAt(u, now.minusSeconds(1 + i)));
        }
        Session live = sessionExpiringAt(u, now.plusSeconds(1));
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
            java.util.List<java.util.concurrent.Future<Integer>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    int total = 0;
                    for (int deleted; (deleted = sessions.purgeExpired(now, 7)) > 0; ) {
                        total += deleted;
                    }
                    return total;
                }));
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> run : runs) {
                total += run.get(60, java.util.concurrent.TimeUnit.SECONDS); // throws if a purge failed
            }
            assertThat(total).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
        assertThat(expired).allSatisfy(s -> assertThat(sessions.findByToken(s.token())).isEmpty());
        assertThat(sessions.findByToken(live.token())).isPresent();
    }

    @Override
    public UserStore usersWithFields() {
        return usersWithFields;
    }

    @Override
    public SessionStore sessionsWithFields() {
        return sessionsWithFields;
    }

    @Override
    public ColumnLimits columnLimits() {
        return SchemaInstaller.columnLimits(dialect);
    }

    @Override
    protected SessionStore sessions() {
        return sessions;
    }

    @Override
    protected UserStore users() {
        return users;
    }
}
