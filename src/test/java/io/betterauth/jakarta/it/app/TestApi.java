package io.betterauth.jakarta.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test app's own JAX-RS application, scanning everything (so it also sees the library's resources). */
@ApplicationPath("api")
public class TestApi extends Application {
}
