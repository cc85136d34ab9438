package io.betterauth.jakarta.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the runtime opened and must release when the application stops (Redis pools, the library's own persistence
 * unit, the purge's thread and task), closed in order, each whatever the others do.
 */
final class Closeables {

    private final List<AutoCloseable> all = new CopyOnWriteArrayList<>();

    /** Closed after everything registered before it. */
    void add(AutoCloseable closeable) {
        all.add(closeable);
    }

    /** Closed before everything else (a task that still uses the stores). */
    void addFirst(AutoCloseable closeable) {
        all.add(0, closeable);
    }

    void closeAll() {
        for (AutoCloseable c : all) {
            try {
                c.close();
            } catch (Exception e) {
                // shutting down: nothing left to do
            }
        }
    }
}
