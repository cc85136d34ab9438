package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.api.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Better Auth's {@code user} table, column for column (every identifier is quoted: Better Auth uses camelCase names, and "user" is a reserved word). */
@Entity(name = "BetterAuthUser")
@Table(name = "\"user\"")
public class UserEntity extends BetterAuthRow {

    @Column(name = "\"name\"", nullable = false)
    private String name;
    @Column(name = "\"email\"", nullable = false, unique = true)
    private String email;
    @Column(name = "\"emailVerified\"", nullable = false)
    private boolean emailVerified;
    @Column(name = "\"image\"")
    private String image;

    protected UserEntity() {
    }

    UserEntity(User u) {
        super(u.id(), u.createdAt(), u.updatedAt());
        name = u.name();
        email = u.email();
        emailVerified = u.emailVerified();
        image = u.image();
    }

    void updateProfile(String newName, String newImage, Instant newUpdatedAt) {
        name = newName;
        image = newImage;
        touch(newUpdatedAt);
    }

    User toUser() {
        return new User(id, name, email, emailVerified, image, createdAt, updatedAt);
    }
}
