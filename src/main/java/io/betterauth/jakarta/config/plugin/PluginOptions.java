package io.betterauth.jakarta.config.plugin;

import io.betterauth.jakarta.config.AdditionalField;
import io.betterauth.jakarta.config.ConfigurationException;
import io.betterauth.jakarta.config.option.OptionValue;
import io.betterauth.jakarta.core.session.AdditionalFields;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Better Auth's {@code plugins} (key {@code better-auth.plugins}, environment {@code BETTER_AUTH_PLUGINS}): the
 * session plugins this library speaks, each off unless named, its options under {@code better-auth.plugins.<name>.*}.
 *
 * @param enabled the plugins switched on; they run in {@link Plugin}'s order, whatever order the list names them in
 * @param bearer       the {@code bearer} plugin's options
 * @param jwt          the {@code jwt} plugin's options
 * @param admin        the {@code admin} plugin's options
 * @param multiSession the {@code multi-session} plugin's options
 */
public record PluginOptions(Set<Plugin> enabled, BearerOptions bearer, JwtOptions jwt, AdminOptions admin,
        MultiSessionOptions multiSession) {

    /** No plugin, Better Auth's default. */
    public static final PluginOptions NONE = new PluginOptions(Set.of(), BearerOptions.DEFAULT, JwtOptions.DEFAULT,
            AdminOptions.DEFAULT, MultiSessionOptions.DEFAULT);

    /**
     * Better Auth plugins this version does not speak yet: a clear error, not "unknown". A plugin here may already be
     * a {@link Plugin} (partly built, switched on by tests through the constructor). None at present.
     */
    private static final List<String> NOT_YET = List.of();

    public PluginOptions {
        enabled = enabled.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(enabled));
        admin = admin == null ? AdminOptions.DEFAULT : admin;
    }

    /** The columns the plugins switched on add to the {@code user} table, in plugin order. */
    public List<AdditionalField> userFields() {
        return on(Plugin.ADMIN) ? admin.userFields() : List.of();
    }

    /** The columns the plugins switched on add to the {@code session} table, in plugin order. */
    public List<AdditionalField> sessionFields() {
        return on(Plugin.ADMIN) ? admin.sessionFields() : List.of();
    }

    /**
     * The JWT claims Better Auth's {@code /token} and {@code set-auth-jwt} take from the user object when it has them
     * ({@code dist/plugins/jwt/sign.mjs}: the user is the payload, and its {@code iat}, {@code exp}, {@code nbf},
     * {@code iss}, {@code aud} and {@code jti} win over the defaults).
     */
    private static final List<String> USER_SETTABLE_CLAIMS = List.of("iss", "aud", "exp", "nbf", "iat", "jti");

    /**
     * The {@code user} table's additional fields: the plugins' columns, then the configured ones.
     *
     * @throws ConfigurationException with the jwt plugin on, for a field a client may set ({@code input}, Better
     *                                Auth's default) named as a claim the JWT takes from the user: a user could
     *                                give their own token a far-off {@code exp} or another service's {@code aud}.
     *                                Better Auth signs such a token; we refuse the configuration instead.
     */
    public AdditionalFields userTable(AdditionalFields configured) {
        if (on(Plugin.JWT)) {
            for (AdditionalField f : configured.all()) {
                if (f.input() && USER_SETTABLE_CLAIMS.contains(f.name())) {
                    throw new ConfigurationException("better-auth.user.additional-fields declares '" + f.name()
                            + "', which a user may set (input), and the jwt plugin copies it into the JWT's '"
                            + f.name() + "' claim: a user could choose their own token's " + f.name()
                            + ". Rename the field, or declare it with \"input\":false.");
                }
            }
        }
        return configured.afterPluginFields("better-auth.user.additional-fields", userFields());
    }

    /** The {@code session} table's additional fields: the plugins' columns, then the configured ones. */
    public AdditionalFields sessionTable(AdditionalFields configured) {
        return configured.afterPluginFields("better-auth.session.additional-fields", sessionFields());
    }

    /** Whether this plugin is switched on. */
    public boolean on(Plugin plugin) {
        return enabled.contains(plugin);
    }

    /**
     * The plugins a comma-separated list names, in any case and order, blanks ignored.
     *
     * @throws ConfigurationException for a name this library does not know, listing the ones it does
     */
    public static Set<Plugin> parse(String list) {
        Set<Plugin> plugins = EnumSet.noneOf(Plugin.class);
        for (String raw : list.split(",")) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            String known = String.join(", ", Arrays.stream(Plugin.values()).map(Plugin::configValue)
                    .filter(n -> !NOT_YET.contains(n)).toList());
            plugins.add(OptionValue.named(Plugin.class, name).filter(p -> !NOT_YET.contains(name))
                    .orElseThrow(() -> new ConfigurationException(NOT_YET.contains(name)
                            ? "the plugin '" + name + "' is not available in this version (available: " + known + ")"
                            : "unknown plugin '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                            + "' (available: " + known + ")")));
        }
        return plugins;
    }
}
