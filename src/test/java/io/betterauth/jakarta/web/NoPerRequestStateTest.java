package io.betterauth.jakarta.web;

import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.api.BetterAuthPrincipal;
import static org.assertj.core.api.Assertions.assertThat;

import io.betterauth.jakarta.api.User;
import io.betterauth.jakarta.rest.AuthResource;
import io.betterauth.jakarta.rest.OpenApiResource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checklist T-42 (Soteria CVE-2020-1732, jakartaee/security#102): the application-scoped mechanism, the filter,
 * the {@code /api/auth} resource and what they share hold no per-request state — their only instance fields are
 * injected services — and the principal survives Java serialization, as a container that keeps it in an
 * {@code HttpSession} requires. The concurrent requests of different users are
 * {@code SessionManagementIT#concurrentRequestsOfDifferentUsers_eachSeeTheirOwnPrincipal}.
 */
class NoPerRequestStateTest {

    @Test
    void theMechanismFilterAndResolver_haveOnlyInjectedInstanceFields() {
        for (Class<?> type : List.of(BetterAuthMechanism.class, SessionFilter.class, SessionResolver.class,
                BetterAuthApi.class, RequireSessionInterceptor.class, AuthResource.class,
                OpenApiResource.class)) {
            List<String> stateful = Arrays.stream(type.getDeclaredFields())
                    .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
                    .filter(f -> !f.isAnnotationPresent(Inject.class))
                    .map(Field::getName).toList();
            assertThat(stateful).as(type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void thePrincipal_isSerializable_andKeepsItsIdentity() throws Exception {
        BetterAuthPrincipal principal = new BetterAuthPrincipal(new User("user-id-1", "Ada", "ada@example.com", true, null,
                Instant.EPOCH, Instant.EPOCH));
        assertThat(principal).isInstanceOf(Serializable.class);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(principal);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            BetterAuthPrincipal back = (BetterAuthPrincipal) in.readObject();
            assertThat(back.getName()).isEqualTo("user-id-1");
            assertThat(back.getEmail()).isEqualTo("ada@example.com");
            assertThat(back.getDisplayName()).isEqualTo("Ada");
        }
    }
}
