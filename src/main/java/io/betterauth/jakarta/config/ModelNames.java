package io.betterauth.jakarta.config;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables' and columns' names: Better Auth's {@code modelName} and {@code fields} options of {@code user},
 * {@code session}, {@code account} and {@code verification} (keys {@code better-auth.<model>.model-name} and
 * {@code better-auth.<model>.fields}), for an application whose database already has a {@code user} table or names
 * columns in snake case. As in Better Auth, {@code modelName} is the table's name, a field's name maps one of the
 * model's fields to its column, and {@code id} is never renamed.
 *
 * @param user         the {@code user} table
 * @param session      the {@code session} table
 * @param account      the {@code account} table
 * @param verification the {@code verification} table
 */
public record ModelNames(Model user, Model session, Model account, Model verification) {

    /** The fields of each model that {@code fields} may rename, as Better Auth's {@code getAuthTables} lists them. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "user", List.of("name", "email", "emailVerified", "image", "createdAt", "updatedAt"),
            "session", List.of("expiresAt", "token", "createdAt", "updatedAt", "ipAddress", "userAgent", "userId"),
            "account", List.of("accountId", "providerId", "userId", "accessToken", "refreshToken", "idToken",
                    "accessTokenExpiresAt", "refreshTokenExpiresAt", "scope", "password", "createdAt", "updatedAt"),
            "verification", List.of("identifier", "value", "expiresAt", "createdAt", "updatedAt"));

    /** A table or column name: what the DDL and the queries can quote on every supported database. */
    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,62}";

    public ModelNames {
        Map<String, String> tables = new HashMap<>();
        for (Model m : List.of(user, session, account, verification)) {
            String other = tables.put(m.modelName().toLowerCase(Locale.ROOT), m.key());
            if (other != null) {
                throw new ConfigurationException("better-auth." + m.key() + ".model-name '" + m.modelName()
                        + "' is also the table of " + other);
            }
        }
    }

    /** Better Auth's own names: {@code user}, {@code session}, {@code account}, {@code verification}, camelCase columns. */
    public static ModelNames defaults() {
        return new ModelNames(Model.of("user"), Model.of("session"), Model.of("account"), Model.of("verification"));
    }

    /**
     * A model's {@code fields} option as written in configuration: a JSON object of field to column, e.g.
     * {@code {"email":"email_address","emailVerified":"email_verified"}}.
     *
     * @throws ConfigurationException when it is not such an object
     */
    public static Map<String, String> parseFields(String key, String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : reader.readObject().entrySet()) {
                if (!(e.getValue() instanceof JsonString column)) {
                    throw new ConfigurationException(key + "." + e.getKey() + " must be a column name (a JSON string)");
                }
                fields.put(e.getKey(), column.getString());
            }
            return fields;
        } catch (JsonException | IllegalStateException e) {
            throw new ConfigurationException(key + " must be a JSON object of field to column name, such as "
                    + "{\"email\":\"email_address\"}");
        }
    }

    /** True when every table and column has Better Auth's default name. */
    public boolean isDefault() {
        return equals(defaults());
    }

    /** The model by its key ({@code user}, {@code session}, {@code account}, {@code verification}). */
    public Model model(String key) {
        return switch (key) {
            case "user" -> user;
            case "session" -> session;
            case "account" -> account;
            case "verification" -> verification;
            default -> throw new IllegalArgumentException("No model " + key);
        };
    }

    /**
     * One model's names.
     *
     * @param key       the model's key in Better Auth ({@code user}, …)
     * @param modelName the table's name
     * @param fields    field → column, for the fields renamed (others keep their field's name)
     */
    public record Model(String key, String modelName, Map<String, String> fields) {

        public Model {
            List<String> known = FIELDS.get(key);
            if (known == null) {
                throw new IllegalArgumentException("No model " + key);
            }
            modelName = modelName == null || modelName.isBlank() ? key : modelName.strip();
            if (!modelName.matches(IDENTIFIER)) {
                throw new ConfigurationException("better-auth." + key + ".model-name must be a table name of letters, "
                        + "digits and underscores (at most 63), not '" + modelName + "'");
            }
            fields = Map.copyOf(fields);
            for (Map.Entry<String, String> e : fields.entrySet()) {
                if (!known.contains(e.getKey())) {
                    throw new ConfigurationException("better-auth." + key + ".fields names '" + e.getKey()
                            + "', which is not a field of " + key + " that can be renamed; these are: "
                            + String.join(", ", known));
                }
                if (e.getValue() == null || !e.getValue().matches(IDENTIFIER)) {
                    throw new ConfigurationException("better-auth." + key + ".fields." + e.getKey() + " must be a "
                            + "column name of letters, digits and underscores (at most 63), not '" + e.getValue() + "'");
                }
            }
            Set<String> columns = new HashSet<>(Set.of("id"));
            for (String field : known) {
                if (!columns.add(fields.getOrDefault(field, field).toLowerCase(Locale.ROOT))) {
                    throw new ConfigurationException("better-auth." + key + ".fields gives two fields of " + key
                            + " the same column: " + fields);
                }
            }
        }

        /** Better Auth's default names for this model. */
        public static Model of(String key) {
            return new Model(key, key, Map.of());
        }

        /** The column of a field ({@code id} and unrenamed fields: the field's own name). */
        public String column(String field) {
            return fields.getOrDefault(field, field);
        }

        /** Every field of the model (id first) with its column, in the table's order. */
        public Map<String, String> columns() {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("id", "id");
            for (String f : FIELDS.get(key)) {
                all.put(f, column(f));
            }
            return all;
        }

        @Override
        public String toString() {
            return modelName + (fields.isEmpty() ? "" : fields.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}")));
        }
    }
}
