package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.api.User;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Better Auth's {@code user} table, column for column (every identifier is quoted: Better Auth uses camelCase names, and "user" is a reserved word). */
@Entity(name = "BetterAuthUser")
@Table(name = "\"user\"")
public class UserEntity {

    @Id
    @Column(name = "\"id\"")
    private String id;
    @Column(name = "\"name\"", nullable = false)
    private String name;
    @Column(name = "\"email\"", nullable = false, unique = true)
    private String email;
    @Column(name = "\"emailVerified\"", nullable = false)
    private boolean emailVerified;
    @Column(name = "\"image\"")
    private String image;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"createdAt\"", nullable = false)
    private Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"updatedAt\"", nullable = false)
    private Instant updatedAt;

    protected UserEntity() {
    }

    static UserEntity of(User u) {
        UserEntity e = new UserEntity();
        e.id = u.id();
        e.name = u.name();
        e.email = u.email();
        e.emailVerified = u.emailVerified();
        e.image = u.image();
        e.createdAt = u.createdAt();
        e.updatedAt = u.updatedAt();
        return e;
    }

    void updateProfile(String newName, String newImage, Instant newUpdatedAt) {
        name = newName;
        image = newImage;
        updatedAt = newUpdatedAt;
    }

    User toUser() {
        return new User(id, name, email, emailVerified, image, createdAt, updatedAt);
    }
}
