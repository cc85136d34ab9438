package io.betterauth.jakarta.store.jpa;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The persistence unit's class loader when it has a generated mapping file: the application's loader, unchanged
 * for every class and resource (parent first, so the entities are the same classes), plus one resource served from
 * memory. JPA providers read a unit's mapping files as resources of its class loader.
 */
final class MappingFileLoader extends ClassLoader {

    private final String name;
    private final URL resource;

    MappingFileLoader(ClassLoader parent, String name, String content) {
        super(parent);
        this.name = name;
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        try {
            this.resource = new URL(null, "better-auth-mapping:/" + name, new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL url) {
                    return new URLConnection(url) {
                        @Override
                        public void connect() {
                        }

                        @Override
                        public InputStream getInputStream() {
                            return new ByteArrayInputStream(bytes);
                        }
                    };
                }
            });
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected URL findResource(String resourceName) {
        return name.equals(resourceName) ? resource : null;
    }

    @Override
    protected Enumeration<URL> findResources(String resourceName) {
        return name.equals(resourceName) ? Collections.enumeration(java.util.List.of(resource))
                : Collections.emptyEnumeration();
    }
}
