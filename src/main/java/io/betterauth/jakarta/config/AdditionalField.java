package io.betterauth.jakarta.config;

import java.util.Locale;

/**
 * One field the app adds to Better Auth's {@code session} or {@code user} table, declared as Better Auth's
 * {@code additionalFields} are: {@code activeOrganizationId: {type: "string", required: false}}.
 *
 * @param name         the JSON member name
 * @param type         {@code string}, {@code number}, {@code boolean} or {@code date}
 * @param required     must be present on create
 * @param defaultValue used on create when absent (a JSON-compatible value), or null
 * @param input        a client may set it (sign-up, update-session, update-user); Better Auth's default is true
 * @param returned     it appears in responses and the cookie cache; Better Auth's default is true
 * @param fieldName    the column name (default: {@code name})
 */
public record AdditionalField(String name, Type type, boolean required, Object defaultValue, boolean input,
                              boolean returned, String fieldName) {

    /** The value types Better Auth's schema knows. */
    public enum Type {
        STRING, NUMBER, BOOLEAN, DATE;

        public static Type parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "string" -> STRING;
                case "number" -> NUMBER;
                case "boolean" -> BOOLEAN;
                case "date" -> DATE;
                default -> throw new IllegalArgumentException("unknown field type '" + s + "'");
            };
        }

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AdditionalField {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ConfigurationException("An additional field name must be an identifier, not '" + name + "'");
        }
        fieldName = fieldName == null || fieldName.isBlank() ? name : fieldName;
        if (!fieldName.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new ConfigurationException("An additional field's fieldName must be an identifier, not '" + fieldName + "'");
        }
    }

    /** A plain optional field of this type, input and returned. */
    public static AdditionalField of(String name, Type type) {
        return new AdditionalField(name, type, false, null, true, true, name);
    }
}
