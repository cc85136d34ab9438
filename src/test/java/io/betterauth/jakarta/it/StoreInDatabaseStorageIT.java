package io.betterauth.jakarta.it;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The storage-mode scenario with Redis secondary storage: StoreInDatabase. */
@ExtendWith(ArquillianExtension.class)
class StoreInDatabaseStorageIT extends SecondaryStorageModesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("storeindatabase", Map.of("better-auth.session.store-session-in-database", "true"));
    }

    @Override
    int[] rowsAfterSignIn() {
        return new int[] {2,2};
    }

    @Override
    int[] rowsAfterRevokeOne() {
        return new int[] {1,1};
    }

    @Override
    int[] rowsAfterRevokeAll() {
        return new int[] {0,0};
    }
}
