package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.api.Session;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Better Auth's {@code session} table, column for column. */
@Entity(name = "BetterAuthSession")
@Table(name = "\"session\"")
public class SessionEntity extends BetterAuthRow {

    @Convert(converter = InstantConverter.class)
    @Column(name = "\"expiresAt\"", nullable = false)
    private Instant expiresAt;
    @Column(name = "\"token\"", nullable = false, unique = true)
    private String token;
    @Column(name = "\"ipAddress\"")
    private String ipAddress;
    @Column(name = "\"userAgent\"")
    private String userAgent;
    @Column(name = "\"userId\"", nullable = false)
    private String userId;

    protected SessionEntity() {
    }

    SessionEntity(Session s) {
        super(s.id(), s.createdAt(), s.updatedAt());
        token = s.token();
        userId = s.userId();
        expiresAt = s.expiresAt();
        ipAddress = s.ipAddress();
        userAgent = s.userAgent();
    }

    void slide(Instant newExpiresAt, Instant newUpdatedAt) {
        expiresAt = newExpiresAt;
        touch(newUpdatedAt);
    }

    Session toSession() {
        return new Session(id, token, userId, expiresAt, createdAt, updatedAt, ipAddress, userAgent);
    }
}
