package io.betterauth.jakarta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The application's stores come as a pair or not at all, and never two of a kind. */
class StoreWiringTest {

    private static final StoreWiring.Beans NO_SESSIONS = new StoreWiring.Beans("SessionStore", false, false, List.of());
    private static final StoreWiring.Beans NO_USERS = new StoreWiring.Beans("UserStore", false, false, List.of());
    private static final StoreWiring.Beans MY_SESSIONS =
            new StoreWiring.Beans("SessionStore", true, false, List.of("com.example.MySessions"));
    private static final StoreWiring.Beans MY_USERS =
            new StoreWiring.Beans("UserStore", true, false, List.of("com.example.MyUsers"));

    @Test
    void bothOrNeither_choosesTheApplicationsStoresOrTheLibrarys() {
        assertThat(StoreWiring.appStores(MY_SESSIONS, MY_USERS)).isTrue();
        assertThat(StoreWiring.appStores(NO_SESSIONS, NO_USERS)).isFalse();
    }

    @Test
    void aLoneUserStore_stopsTheStartUp_namingItsClassAndWhatIsMissing() {
        assertThatThrownBy(() -> StoreWiring.appStores(NO_SESSIONS, MY_USERS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The application has a custom UserStore bean (com.example.MyUsers) but no SessionStore: "
                        + "a custom UserStore needs a custom SessionStore too, since the library uses the "
                        + "application's stores only as a pair. Add a SessionStore bean, or remove the UserStore bean "
                        + "to use the library's stores.");
    }

    @Test
    void aLoneSessionStore_stopsTheStartUp_too() {
        assertThatThrownBy(() -> StoreWiring.appStores(MY_SESSIONS, NO_USERS))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("The application has a custom SessionStore bean (com.example.MySessions) but "
                        + "no UserStore: a custom SessionStore needs a custom UserStore too");
    }

    @Test
    void twoBeansOfAKind_stopTheStartUp_namingBoth() {
        StoreWiring.Beans two = new StoreWiring.Beans("UserStore", false, true,
                List.of("com.example.LdapUsers", "com.example.SqlUsers"));
        assertThatThrownBy(() -> StoreWiring.appStores(MY_SESSIONS, two))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("The application has more than one UserStore bean (com.example.LdapUsers, "
                        + "com.example.SqlUsers): keep one, or select one with @Alternative and @Priority.");
    }
}
