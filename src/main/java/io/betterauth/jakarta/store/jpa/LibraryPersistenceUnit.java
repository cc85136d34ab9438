package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.config.ModelNames;
import io.betterauth.jakarta.core.session.IdGenerator;
import io.betterauth.jakarta.store.jpa.jwks.JwkEntity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The library's {@code better-auth} persistence unit, defined in code rather than in a {@code persistence.xml}, so
 * the container never deploys it next to the application's own unit (an application's unnamed
 * {@code @PersistenceContext} stays unambiguous). Resource-local on a given data source, opened through whichever
 * JPA provider the application sees (EclipseLink on Payara, Hibernate on WildFly and Tomcat), with no weaving or
 * bytecode enhancement: the entities are loaded before the factory exists.
 */
public final class LibraryPersistenceUnit implements PersistenceUnitInfo {

    /** The unit's name. */
    public static final String NAME = "better-auth";

    private static final List<String> CLASSES = List.of(BetterAuthRow.class.getName(), UserEntity.class.getName(),
            SessionEntity.class.getName(), AccountEntity.class.getName(), VerificationEntity.class.getName(),
            JwkEntity.class.getName(), InstantConverter.class.getName());

    private final DataSource dataSource;
    private final ClassLoader loader;
    private final List<String> mappingFiles;

    private LibraryPersistenceUnit(DataSource dataSource, ModelNames names) {
        this.dataSource = dataSource;
        Optional<String> mapping = OrmMapping.xml(names);
        this.mappingFiles = mapping.isPresent() ? List.of(OrmMapping.RESOURCE) : List.of();
        this.loader = mapping.isPresent()
                ? new MappingFileLoader(BetterAuthRow.class.getClassLoader(), OrmMapping.RESOURCE, mapping.get())
                : BetterAuthRow.class.getClassLoader();
    }

    /**
     * Opens the unit on {@code dataSource} with these table and column names (Better Auth's {@code modelName} and
     * {@code fields}, as a mapping file over the entities' annotations); the caller closes the factory.
     *
     * @throws IllegalStateException when the application sees no JPA provider
     */
    public static EntityManagerFactory open(DataSource dataSource, ModelNames names) {
        Map<String, Object> settings = new HashMap<>();
        // EclipseLink: sessions are shared JVM-wide by name (also across applications): a random name per factory.
        // The classes are loaded, so weaving could only half-work.
        settings.put("eclipselink.session-name", NAME + "@" + new IdGenerator().generate());
        settings.put("eclipselink.weaving", "false");
        // EclipseLink retries a failed read outside a database transaction three times, 5 s apart, which turns a
        // database outage into 15 s requests; beginning the database transaction with the unit of work (as
        // Hibernate does) makes a failure fail at once.
        settings.put("eclipselink.transaction.join-existing", "true");
        // Hibernate: no bytecode enhancement either, as addTransformer ignores its transformer (its enhancer.* = false
        // properties are deprecated and only log warnings).
        return provider().createContainerEntityManagerFactory(new LibraryPersistenceUnit(dataSource, names), settings);
    }

    /** The first JPA provider the application's class loader sees. */
    private static PersistenceProvider provider() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == null) {
            thread.setContextClassLoader(BetterAuthRow.class.getClassLoader());
        }
        try {
            List<PersistenceProvider> providers = PersistenceProviderResolverHolder.getPersistenceProviderResolver()
                    .getPersistenceProviders();
            if (providers.isEmpty()) {
                throw new IllegalStateException("No JPA provider: add one (e.g. org.hibernate.orm:hibernate-core) to "
                        + "the application, or set better-auth.database=memory");
            }
            return providers.get(0);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public String getPersistenceUnitName() {
        return NAME;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return null;
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return mappingFiles;
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    /** The library JAR (EclipseLink derives the unit's name from it and fails on null). */
    @Override
    public URL getPersistenceUnitRootUrl() {
        CodeSource source = BetterAuthRow.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            return source.getLocation();
        }
        return BetterAuthRow.class.getResource(BetterAuthRow.class.getSimpleName() + ".class");
    }

    @Override
    public List<String> getManagedClassNames() {
        return CLASSES;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.0";
    }

    @Override
    public ClassLoader getClassLoader() {
        return loader;
    }

    /** Ignored: weaving and enhancement are off, and the classes are already loaded. */
    @Override
    public void addTransformer(ClassTransformer transformer) {
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return loader;
    }
}
