package io.betterauth.jakarta.it;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The storage-mode scenario with Redis secondary storage: PreserveInDatabase. */
@ExtendWith(ArquillianExtension.class)
class PreserveInDatabaseStorageIT extends SecondaryStorageModesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return war("preserveindatabase", Map.of("better-auth.session.preserve-session-in-database", "true"));
    }

    @Override
    int[] rowsAfterSignIn() {
        return new int[] {2,2};
    }

    @Override
    int[] rowsAfterRevokeOne() {
        return new int[] {2,1};
    }

    @Override
    int[] rowsAfterRevokeAll() {
        return new int[] {2,0};
    }
}
