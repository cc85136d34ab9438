package io.betterauth.jakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Better Auth's modelName and fields options, as keys: what they rename, and the names a start-up refuses. */
class ModelNamesTest {

    private static ModelNames load(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.put("better-auth.secret", ConfigLoaderTest.SECRET);
        return new ConfigLoader(List.of(ConfigSource.of(all))).load().database().models();
    }

    @Test
    void withoutTheKeys_theTablesAndColumnsAreBetterAuths() {
        ModelNames names = load(Map.of());

        assertThat(names.isDefault()).isTrue();
        assertThat(names.user().modelName()).isEqualTo("user");
        assertThat(names.session().column("userId")).isEqualTo("userId");
    }

    @Test
    void modelNameAndFields_renameTheTableAndTheNamedColumnsOnly() {
        ModelNames names = load(Map.of(
                "better-auth.user.model-name", "app_user",
                "better-auth.user.fields", "{\"email\":\"email_address\",\"emailVerified\":\"email_verified\"}",
                "better-auth.session.fields", "{\"userId\":\"user_id\"}",
                "better-auth.verification.model-name", "verification_tokens"));

        assertThat(names.user().modelName()).isEqualTo("app_user");
        assertThat(names.user().column("email")).isEqualTo("email_address");
        assertThat(names.user().column("name")).isEqualTo("name");
        assertThat(names.user().column("id")).isEqualTo("id");
        assertThat(names.session().modelName()).isEqualTo("session");
        assertThat(names.session().column("userId")).isEqualTo("user_id");
        assertThat(names.account().column("userId")).isEqualTo("userId");
        assertThat(names.verification().modelName()).isEqualTo("verification_tokens");
        assertThat(names.isDefault()).isFalse();
    }

    @Test
    void aFieldTheModelDoesNotHave_stopsTheStart_namingTheFieldsThatExist() {
        assertThatThrownBy(() -> load(Map.of("better-auth.session.fields", "{\"userid\":\"user_id\"}")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("better-auth.session.fields names 'userid'")
                .hasMessageContaining("expiresAt, token, createdAt, updatedAt, ipAddress, userAgent, userId");
        assertThatThrownBy(() -> load(Map.of("better-auth.user.fields", "{\"id\":\"user_id\"}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("names 'id'");
    }

    @Test
    void namesThatAreNoPlainIdentifiers_stopTheStart() {
        assertThatThrownBy(() -> load(Map.of("better-auth.user.model-name", "users\"; drop table x; --")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("better-auth.user.model-name");
        assertThatThrownBy(() -> load(Map.of("better-auth.user.fields", "{\"email\":\"e-mail\"}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("better-auth.user.fields.email");
        assertThatThrownBy(() -> load(Map.of("better-auth.user.model-name", "u".repeat(64))))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> load(Map.of("better-auth.user.fields", "[\"email\"]")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("JSON object of field to column");
        assertThatThrownBy(() -> load(Map.of("better-auth.user.fields", "{\"email\":7}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("a JSON string");
    }

    @Test
    void twoFieldsOnOneColumn_orTwoModelsOnOneTable_stopTheStart() {
        assertThatThrownBy(() -> load(Map.of("better-auth.user.fields", "{\"email\":\"name\"}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("the same column");
        assertThatThrownBy(() -> load(Map.of("better-auth.user.fields", "{\"image\":\"ID\"}")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("the same column");
        assertThatThrownBy(() -> load(Map.of("better-auth.account.model-name", "Session")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("better-auth.account.model-name 'Session' is also the table of session");
    }
}
