package io.betterauth.jakarta.store.jpa.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.config.ModelNames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tables Better Auth's migration creates for renamed models, and the shipped DDL unchanged for default names. */
class SchemaDdlTest {

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mysql", "h2"})
    void betterAuthsDefaultNames_leaveTheShippedDdlAsItIs(String dialect) throws IOException {
        for (String statement : statements(resource("META-INF/better-auth/schema/" + dialect + ".sql"))) {
            assertThat(SchemaDdl.rename(statement, ModelNames.defaults())).isEqualTo(statement);
        }
    }

    @Test
    void renamedModels_giveTheDdlOfBetterAuthsOwnMigration_tablesColumnsReferencesAndIndexes() throws IOException {
        String vector = resource("vectors/renamed-schema-postgresql-better-auth-1.7.25.sql");
        ModelNames names = models(vector.lines().filter(l -> l.startsWith("-- models: ")).findFirst().orElseThrow()
                .substring("-- models: ".length()));

        List<String> ours = statements(resource("META-INF/better-auth/schema/postgresql.sql")).stream()
                .map(s -> SchemaDdl.rename(s, names)).toList();

        assertThat(ours).containsExactlyElementsOf(statements(vector));
        assertThat(ours).anySatisfy(s -> assertThat(s).contains("\"auth_verification_with_a_rather_long_table_name_fo_5faf74b1_idx\""));
    }

    @Test
    void mariaDbIdentifiers_areRenamedInBackticks() throws IOException {
        ModelNames names = models("{\"user\":{\"modelName\":\"members\"},\"session\":{\"fields\":{\"userId\":\"member_id\"}}}");

        String sql = statements(resource("META-INF/better-auth/schema/mysql.sql")).stream()
                .map(s -> SchemaDdl.rename(s, names)).collect(Collectors.joining(";\n"));

        assertThat(sql).contains("create table `members` (`id` varchar(36) not null primary key")
                .contains("`member_id` varchar(36) not null references `members` (`id`) on delete cascade")
                .contains("create index `session_member_id_idx` on `session` (`member_id`)")
                .contains("`userId` varchar(36) not null references `members` (`id`)") // account.userId keeps its name
                .doesNotContain("`user`");
    }

    /** Models as Better Auth's options write them: {"user":{"modelName":…,"fields":{…}}, …}. */
    static ModelNames models(String json) {
        JsonObject all = Json.createReader(new StringReader(json)).readObject();
        ModelNames.Model[] models = Arrays.stream(new String[] {"user", "session", "account", "verification"})
                .map(key -> {
                    JsonObject m = all.containsKey(key) ? all.getJsonObject(key) : JsonValue.EMPTY_JSON_OBJECT;
                    Map<String, String> fields = m.containsKey("fields")
                            ? m.getJsonObject("fields").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                    e -> ((jakarta.json.JsonString) e.getValue()).getString()))
                            : Map.of();
                    return new ModelNames.Model(key, m.getString("modelName", key), fields);
                })
                .toArray(ModelNames.Model[]::new);
        return new ModelNames(models[0], models[1], models[2], models[3]);
    }

    private static List<String> statements(String sql) {
        return Arrays.stream(sql.replaceAll("(?m)^--.*$", "").split(";\\s*(\\n|$)"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = SchemaDdlTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
