package io.betterauth.jakarta.runtime;

import io.betterauth.jakarta.config.ConfigLoader;
import io.betterauth.jakarta.config.ConfigSource;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.web.BetterAuthMechanism;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

/**
 * {@code better-auth.mechanism.enabled=false} (default true): removes {@link BetterAuthMechanism} from the
 * application, for an app with an {@code HttpAuthenticationMechanism} of its own (Jakarta Security allows one). The
 * CDI container asks before any servlet context exists, so the key is read from MicroProfile Config, a system
 * property or the environment ({@code BETTER_AUTH_MECHANISM_ENABLED}), never from {@code web.xml}; set there, it
 * stops the start-up ({@link #refuseContextParameter}). Registered in
 * {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}.
 */
public class MechanismSwitch implements Extension {

    /** The option's key. */
    public static final String KEY = "better-auth.mechanism.enabled";
    private static final Logger LOG = System.getLogger(MechanismSwitch.class.getName());

    void vetoWhenOff(@Observes ProcessAnnotatedType<BetterAuthMechanism> type) {
        if (!enabled()) {
            LOG.log(Level.INFO, "Better Auth's HttpAuthenticationMechanism is off (" + KEY + "=false); the "
                    + "application's own mechanism authenticates callers");
            type.veto();
        }
    }

    /** The option as the CDI container sees it: MicroProfile Config, system properties, the environment. */
    static boolean enabled() {
        return new ConfigLoader(ContainerConfigSources.of(null)).flag(KEY).orElse(true);
    }

    /**
     * Stops the start-up when {@code web.xml} sets the key to another value than the CDI container saw: it was
     * read before the servlet context existed, so the context parameter could not take effect.
     */
    static void refuseContextParameter(ServletContext context) {
        String param = context.getInitParameter(KEY);
        if (param == null) {
            return;
        }
        boolean asParam = new ConfigLoader(List.of(ConfigSource.of(Map.of(KEY, param)))).flag(KEY).orElse(true);
        if (asParam != enabled()) {
            throw new ConfigurationException(KEY + " is read when CDI starts, before the servlet context exists: set "
                    + "it in MicroProfile Config (META-INF/microprofile-config.properties), as a system property or as "
                    + "the environment variable BETTER_AUTH_MECHANISM_ENABLED, not as a web.xml context parameter");
        }
    }
}
