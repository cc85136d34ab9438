package io.betterauth.jakarta.store.jpa.schema;

import io.betterauth.jakarta.config.AdditionalField;
import io.betterauth.jakarta.core.js.JsJson;
import io.betterauth.jakarta.core.session.AdditionalFields;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The app's additional fields as real columns of Better Auth's tables, declared at deploy time: JPA entities are
 * fixed at compile time, so these columns are read and written with native SQL in the same transaction as the
 * entity (provider-neutral; EclipseLink and Hibernate pass it through). Column names are the declared
 * {@code fieldName}s, quoted for the database at hand.
 */
public final class AdditionalColumns {

    private final AdditionalFields fields;
    private final String table;
    private final String keyColumn;
    private final String open;
    private final String close;

    /**
     * @param quote {@code "} for PostgreSQL and H2, {@code `} for MariaDB/MySQL
     */
    public AdditionalColumns(AdditionalFields fields, String table, String keyColumn, char quote) {
        this.fields = fields;
        this.table = table;
        this.keyColumn = keyColumn;
        this.open = String.valueOf(quote);
        this.close = String.valueOf(quote);
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    private String q(String identifier) {
        return open + identifier + close;
    }

    /** Writes the declared fields present in {@code values} to the row with this key. */
    public void write(EntityManager em, String key, Map<String, Object> values) {
        StringBuilder sql = new StringBuilder("update ").append(q(table)).append(" set ");
        int n = 0;
        for (AdditionalField f : fields.all()) {
            if (values.containsKey(f.name())) {
                // A null is written as SQL's null, not bound: a bound null has no type, and EclipseLink sends it
                // as varchar, which PostgreSQL refuses for a timestamptz column (admin's banExpires on unban).
                sql.append(n++ == 0 ? "" : ", ").append(q(f.fieldName()))
                        .append(values.get(f.name()) == null ? " = null" : " = ?");
            }
        }
        if (n == 0) {
            return;
        }
        sql.append(" where ").append(q(keyColumn)).append(" = ?");
        Query query = em.createNativeQuery(sql.toString());
        int i = 1;
        for (AdditionalField f : fields.all()) {
            if (values.containsKey(f.name()) && values.get(f.name()) != null) {
                query.setParameter(i++, toJdbc(values.get(f.name())));
            }
        }
        query.setParameter(i, key);
        query.executeUpdate();
    }

    /** Reads every declared field of the row with this key (empty map when there is no such row). */
    public Map<String, Object> read(EntityManager em, String key) {
        StringBuilder sql = new StringBuilder("select ");
        List<AdditionalField> all = fields.all();
        for (int i = 0; i < all.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(q(all.get(i).fieldName()));
        }
        sql.append(" from ").append(q(table)).append(" where ").append(q(keyColumn)).append(" = ?");
        List<?> rows = em.createNativeQuery(sql.toString()).setParameter(1, key).getResultList();
        Map<String, Object> out = new LinkedHashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        Object row = rows.get(0);
        Object[] values = row instanceof Object[] array ? array : new Object[] {row};
        for (int i = 0; i < all.size(); i++) {
            out.put(all.get(i).name(), fromJdbc(all.get(i), values[i]));
        }
        return out;
    }

    /**
     * The declared columns of the table aliased {@code alias}, each after a comma, for a select list that reads them
     * with others (get-session's one statement); empty when none are declared.
     */
    public String selectList(String alias) {
        StringBuilder sql = new StringBuilder();
        for (AdditionalField f : fields.all()) {
            sql.append(", ").append(alias).append('.').append(q(f.fieldName()));
        }
        return sql.toString();
    }

    /** The declared fields from a row selected with {@link #selectList}, whose first one is column {@code first}. */
    public Map<String, Object> read(ResultSet row, int first) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        List<AdditionalField> all = fields.all();
        for (int i = 0; i < all.size(); i++) {
            out.put(all.get(i).name(), fromJdbc(all.get(i), row.getObject(first + i)));
        }
        return out;
    }

    /** How many columns {@link #selectList} selects. */
    public int count() {
        return fields.all().size();
    }

    private static Object toJdbc(Object value) {
        return value instanceof Instant instant ? Timestamp.from(instant) : value;
    }

    static Object fromJdbc(AdditionalField f, Object v) {
        if (v == null) {
            return null;
        }
        return switch (f.type()) {
            case STRING -> v instanceof java.sql.Clob clob ? clob(clob) : v.toString();
            case BOOLEAN -> v instanceof Boolean b ? b : v instanceof Number n ? n.intValue() != 0
                    : Boolean.parseBoolean(v.toString());
            case NUMBER -> number(v);
            case DATE -> v instanceof Timestamp t ? t.toInstant()
                    : v instanceof OffsetDateTime o ? o.toInstant()
                    : v instanceof LocalDateTime l ? l.atZone(ZoneId.systemDefault()).toInstant()
                    : v instanceof Instant i ? i : Instant.parse(v.toString());
        };
    }

    /** A numeric column as JavaScript would hold the number ({@link JsJson#numberValue}). */
    private static Object number(Object v) {
        return JsJson.numberValue(v instanceof BigDecimal b ? b : new BigDecimal(v.toString()));
    }

    private static String clob(java.sql.Clob clob) {
        try {
            return clob.getSubString(1, (int) clob.length());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
