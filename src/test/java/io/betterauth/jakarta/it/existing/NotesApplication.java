package io.betterauth.jakarta.it.existing;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The existing application's JAX-RS application, as such apps declare it. */
@ApplicationPath("app")
public class NotesApplication extends Application {
}
