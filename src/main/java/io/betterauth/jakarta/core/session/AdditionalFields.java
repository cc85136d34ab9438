package io.betterauth.jakarta.core.session;

import io.betterauth.jakarta.api.AuthException;
import io.betterauth.jakarta.api.ErrorCode;
import io.betterauth.jakarta.api.Session;
import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.config.AdditionalField;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.core.js.ClientJson;
import io.betterauth.jakarta.core.js.JsDates;
import io.betterauth.jakarta.core.js.JsJson;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The additional fields declared for one table, and Better Auth's rules for them ({@code parseInputData},
 * {@code filterOutputFields}): only declared fields a client may set are taken from a request, with their types
 * checked; {@code input:false} fields sent with a value are refused ({@code FIELD_NOT_ALLOWED}); required fields
 * must be present on create ({@code MISSING_FIELD}) and defaults fill the rest; {@code returned:false} fields never
 * leave the server (responses, cookie cache).
 */
public final class AdditionalFields {

    private static final AdditionalFields NONE = new AdditionalFields(List.of());

    private final List<AdditionalField> fields;
    private final Map<String, AdditionalField> byName = new LinkedHashMap<>();

    public AdditionalFields(List<AdditionalField> fields) {
        this.fields = List.copyOf(fields);
        for (AdditionalField f : this.fields) {
            byName.put(f.name(), f);
        }
    }

    public static AdditionalFields none() {
        return NONE;
    }

    /**
     * Parses the configuration form, Better Auth's {@code additionalFields} object as JSON:
     * {@code {"activeOrganizationId":{"type":"string","required":false},"theme":{"type":"string","defaultValue":"light"}}}.
     */
    public static AdditionalFields parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        JsonObject o;
        try (JsonReader r = Json.createReader(new StringReader(json))) {
            o = r.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("expected a JSON object like {\"theme\":{\"type\":\"string\"}}");
        }
        List<AdditionalField> list = new ArrayList<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            JsonObject spec = e.getValue().asJsonObject();
            AdditionalField.Type type = AdditionalField.Type.parse(spec.getString("type", "string"));
            list.add(new AdditionalField(e.getKey(), type, spec.getBoolean("required", false),
                    spec.containsKey("defaultValue") ? JsJson.safeParsed(spec.get("defaultValue")) : null,
                    spec.getBoolean("input", true), spec.getBoolean("returned", true),
                    spec.getString("fieldName", null)));
        }
        return new AdditionalFields(list);
    }

    /**
     * Refuses a field declared over one of the table's own columns, by JSON name or by column ({@code fieldName}), in
     * any letter case (MySQL and MariaDB compare column names without case). In Better Auth such a declaration
     * replaces the core field's definition, {@code input} true by default, so a client could rewrite, say, a
     * session's {@code userId} through update-session.
     *
     * @param option     the configuration key, for the message
     * @param coreFields the table's own members, {@link Session#CORE_FIELDS} or {@link User#CORE_FIELDS}
     * @throws ConfigurationException naming the field and the column it would shadow
     */
    public void requireNoCoreField(String option, Set<String> coreFields) {
        for (AdditionalField f : fields) {
            for (String core : coreFields) {
                if (core.equalsIgnoreCase(f.name()) || core.equalsIgnoreCase(f.fieldName())) {
                    throw new ConfigurationException(option + " declares '" + f.name() + "'"
                            + (f.fieldName().equals(f.name()) ? "" : " (fieldName '" + f.fieldName() + "')")
                            + " over the table's own field '" + core + "', which clients could then rewrite; "
                            + "choose another name. The table's own fields are " + String.join(", ",
                            new TreeSet<>(coreFields)) + ".");
                }
            }
        }
    }

    /**
     * The table's fields as Better Auth's {@code getAuthTables} merges them: the plugins' columns first (so they come
     * first in JSON, before the app's), then these, the configured ones. A configured field over a plugin's column
     * (by name or column, in any letter case) is refused: in Better Auth it would replace the plugin's definition, so
     * a declaration with {@code input} left at true would let clients set, say, their own {@code role}.
     *
     * @param option       the configuration key, for the message
     * @param pluginFields the columns of the plugins switched on
     * @throws ConfigurationException naming the field and the plugin column it would shadow
     */
    public AdditionalFields afterPluginFields(String option, List<AdditionalField> pluginFields) {
        if (pluginFields.isEmpty()) {
            return this;
        }
        for (AdditionalField f : fields) {
            for (AdditionalField p : pluginFields) {
                if (p.name().equalsIgnoreCase(f.name()) || p.fieldName().equalsIgnoreCase(f.fieldName())
                        || p.name().equalsIgnoreCase(f.fieldName())) {
                    throw new ConfigurationException(option + " declares '" + f.name() + "' over the column '"
                            + p.name() + "' a plugin switched on in better-auth.plugins adds; choose another name.");
                }
            }
        }
        List<AdditionalField> merged = new ArrayList<>(pluginFields);
        merged.addAll(fields);
        return new AdditionalFields(merged);
    }

    public List<AdditionalField> all() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** {@code update}: the declared, client-settable members of the body; core and unknown members are ignored. */
    public Map<String, Object> forUpdate(JsonObject body) {
        return parse(body, false);
    }

    /**
     * {@code create}: as update, plus required fields and defaults, and {@code null} for every other declared field
     * the body leaves out: the row Better Auth's SQL adapters return from the insert (what sign-up answers and
     * caches) holds every column, {@code null} where nothing was written.
     */
    public Map<String, Object> forCreate(JsonObject body) {
        return parse(body, true);
    }

    /** Defaults for a row created without client input (a new session). */
    public Map<String, Object> defaults() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (AdditionalField f : fields) {
            if (f.defaultValue() != null) {
                out.put(f.name(), f.defaultValue());
            }
        }
        return out;
    }

    private Map<String, Object> parse(JsonObject body, boolean create) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (AdditionalField f : fields) {
            JsonValue v = body.get(f.name());
            if (!f.input()) {
                if (v != null && truthy(v)) {
                    throw new AuthException(400, "FIELD_NOT_ALLOWED", f.name() + " is not allowed to be set", List.of());
                }
                if (create) {
                    out.put(f.name(), f.defaultValue());
                }
                continue;
            }
            if (v == null) {
                if (create && f.defaultValue() != null) {
                    out.put(f.name(), f.defaultValue());
                } else if (create && f.required()) {
                    throw new AuthException(400, "MISSING_FIELD", f.name() + " is required", List.of());
                } else if (create) {
                    out.put(f.name(), null);
                }
                continue;
            }
            try {
                out.put(f.name(), value(f, v));
            } catch (IllegalArgumentException e) {
                problems.add("[body." + f.name() + "] " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new AuthException(ErrorCode.VALIDATION_ERROR, String.join("; ", problems));
        }
        return out;
    }

    private static Object value(AdditionalField f, JsonValue v) {
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            if (f.required()) {
                throw new IllegalArgumentException("Invalid input: expected " + f.type().jsonName() + ", received null");
            }
            return null;
        }
        switch (f.type()) {
            case STRING:
                if (v instanceof JsonString s) {
                    return s.getString();
                }
                break;
            case NUMBER:
                if (v instanceof JsonNumber n) {
                    return JsJson.numberValue(n);
                }
                break;
            case BOOLEAN:
                if (v.getValueType() == JsonValue.ValueType.TRUE || v.getValueType() == JsonValue.ValueType.FALSE) {
                    return v.getValueType() == JsonValue.ValueType.TRUE;
                }
                break;
            case DATE:
                if (v instanceof JsonString s) {
                    try {
                        return Instant.parse(s.getString());
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("Invalid input: expected date, received Invalid Date");
                    }
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("Invalid input: expected " + f.type().jsonName() + ", received "
                + ClientJson.zodType(v));
    }

    private static boolean truthy(JsonValue v) {
        return switch (v.getValueType()) {
            case NULL, FALSE -> false;
            case STRING -> !((JsonString) v).getString().isEmpty();
            case NUMBER -> ((JsonNumber) v).doubleValue() != 0;
            default -> true;
        };
    }

    /** The map without {@code returned:false} fields: what may leave the server. */
    public Map<String, Object> returned(Map<String, Object> additional) {
        if (additional.isEmpty()) {
            return additional;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        additional.forEach((k, v) -> {
            AdditionalField f = byName.get(k);
            if (f == null || f.returned()) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Members of a stored or cached JSON object that are not core fields, as Java values (ISO dates revived); nested
     * objects and arrays read-only, as a decoded cookie cache's session is handed to every request sending it.
     */
    public static Map<String, Object> extras(JsonObject o, Set<String> core) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!core.contains(e.getKey())) {
                out.put(e.getKey(), readOnly(JsJson.safeParsed(e.getValue())));
            }
        }
        return out;
    }

    private static Object readOnly(Object value) {
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(x -> copy.add(readOnly(x)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, x) -> copy.put(k, readOnly(x)));
            return Collections.unmodifiableMap(copy);
        }
        return value;
    }
}
