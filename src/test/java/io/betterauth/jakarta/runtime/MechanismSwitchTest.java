package io.betterauth.jakarta.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.web.BetterAuthMechanism;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code better-auth.mechanism.enabled}: on by default; {@code false} (from a source CDI can read when it starts)
 * vetoes the library's mechanism; a value that is no boolean, or a {@code web.xml} context parameter that the CDI
 * container could not see, stops the start-up. The containers are {@code CoexistenceIT}.
 */
class MechanismSwitchTest {

    final AtomicBoolean vetoed = new AtomicBoolean();

    @AfterEach
    void clear() {
        System.clearProperty(MechanismSwitch.KEY);
    }

    @SuppressWarnings("unchecked")
    ProcessAnnotatedType<BetterAuthMechanism> mechanismType() {
        return (ProcessAnnotatedType<BetterAuthMechanism>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ProcessAnnotatedType.class}, (proxy, method, args) -> {
                    if (method.getName().equals("veto")) {
                        vetoed.set(true);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    static ServletContext contextWith(String param) {
        return (ServletContext) Proxy.newProxyInstance(MechanismSwitchTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) ->
                        method.getName().equals("getInitParameter") && MechanismSwitch.KEY.equals(args[0]) ? param
                                : null);
    }

    @Test
    void onByDefault_theMechanismStays() {
        new MechanismSwitch().vetoWhenOff(mechanismType());
        assertThat(vetoed).isFalse();
        MechanismSwitch.refuseContextParameter(contextWith(null));
        MechanismSwitch.refuseContextParameter(contextWith("true"));
    }

    @Test
    void off_vetoesTheMechanism() {
        System.setProperty(MechanismSwitch.KEY, "false");
        new MechanismSwitch().vetoWhenOff(mechanismType());
        assertThat(vetoed).isTrue();
        MechanismSwitch.refuseContextParameter(contextWith("false"));
    }

    @Test
    void aValueThatIsNoBoolean_stopsTheStartUp() {
        System.setProperty(MechanismSwitch.KEY, "maybe");
        assertThatThrownBy(() -> new MechanismSwitch().vetoWhenOff(mechanismType()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(MechanismSwitch.KEY);
    }

    @Test
    void aContextParameterTheCdiContainerCouldNotSee_stopsTheStartUp() {
        assertThatThrownBy(() -> MechanismSwitch.refuseContextParameter(contextWith("false")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("MicroProfile Config").hasMessageContaining("BETTER_AUTH_MECHANISM_ENABLED");
    }
}
