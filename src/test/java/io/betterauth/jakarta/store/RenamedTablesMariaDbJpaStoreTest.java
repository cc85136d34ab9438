package io.betterauth.jakarta.store;

import io.betterauth.jakarta.config.ModelNames;

/** The JPA store contract on MariaDB (backtick identifiers) with every table and many columns renamed (issue 17). */
class RenamedTablesMariaDbJpaStoreTest extends MariaDbJpaStoreTest {

    @Override
    protected ModelNames names() {
        return RenamedTables.NAMES;
    }
}
