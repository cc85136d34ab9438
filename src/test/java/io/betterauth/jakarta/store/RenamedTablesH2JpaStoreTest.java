package io.betterauth.jakarta.store;

import io.betterauth.jakarta.config.ModelNames;

/** The JPA store contract on H2 with every table and many columns renamed (issue 17). */
class RenamedTablesH2JpaStoreTest extends H2JpaStoreTest {

    @Override
    protected ModelNames names() {
        return RenamedTables.NAMES;
    }
}
