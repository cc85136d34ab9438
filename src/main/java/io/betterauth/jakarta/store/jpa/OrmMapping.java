package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.config.ModelNames;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entities' table and column names when {@code modelName} or {@code fields} rename them: a JPA mapping file
 * ({@code orm.xml}) that overrides the names of the entities' annotations, read by EclipseLink and Hibernate alike.
 * Only renamed tables and columns appear; with Better Auth's default names there is no mapping file at all. An
 * attribute that is mapped here names its converter again, since a provider may drop the attribute's annotations.
 */
final class OrmMapping {

    /** The resource name the library's persistence unit lists as its mapping file. */
    static final String RESOURCE = "META-INF/better-auth-orm.xml";

    private static final Map<String, Class<?>> ENTITIES = Map.of(
            "user", UserEntity.class, "session", SessionEntity.class,
            "account", AccountEntity.class, "verification", VerificationEntity.class);
    /** The columns mapped in {@link BetterAuthRow}, overridden per entity with {@code attribute-override}. */
    private static final Set<String> SUPERCLASS = Set.of("createdAt", "updatedAt");
    /** The fields stored through {@link InstantConverter}. */
    private static final Set<String> INSTANTS = Set.of("expiresAt", "accessTokenExpiresAt", "refreshTokenExpiresAt");

    private OrmMapping() {
    }

    /** The mapping file for these names, or empty when every name is Better Auth's default. */
    static Optional<String> xml(ModelNames names) {
        if (names.isDefault()) {
            return Optional.empty();
        }
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm"
                                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                                 xsi:schemaLocation="https://jakarta.ee/xml/ns/persistence/orm https://jakarta.ee/xml/ns/persistence/orm/orm_3_0.xsd"
                                 version="3.0">
                """);
        for (String key : new String[] {"user", "session", "account", "verification"}) {
            entity(xml, ENTITIES.get(key), names.model(key));
        }
        return Optional.of(xml.append("</entity-mappings>\n").toString());
    }

    private static void entity(StringBuilder xml, Class<?> entity, ModelNames.Model model) {
        xml.append("  <entity class=\"").append(entity.getName()).append("\">\n");
        xml.append("    <table name=\"").append(quoted(model.modelName())).append("\"/>\n");
        StringBuilder basics = new StringBuilder();
        for (Map.Entry<String, String> field : model.columns().entrySet()) {
            if (!model.fields().containsKey(field.getKey())) {
                continue;
            }
            String column = "<column name=\"" + quoted(field.getValue()) + "\"/>";
            if (SUPERCLASS.contains(field.getKey())) {
                xml.append("    <attribute-override name=\"").append(field.getKey()).append("\">").append(column)
                        .append("</attribute-override>\n");
            } else {
                basics.append("      <basic name=\"").append(field.getKey()).append("\">").append(column);
                if (INSTANTS.contains(field.getKey())) {
                    basics.append("<convert converter=\"").append(InstantConverter.class.getName()).append("\"/>");
                }
                basics.append("</basic>\n");
            }
        }
        if (!basics.isEmpty()) {
            xml.append("    <attributes>\n").append(basics).append("    </attributes>\n");
        }
        xml.append("  </entity>\n");
    }

    /** A delimited identifier, as the entities' annotations write theirs ({@code "expiresAt"}). */
    private static String quoted(String identifier) {
        return "&quot;" + identifier + "&quot;";
    }
}
