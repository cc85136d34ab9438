package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.api.Session;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Better Auth's {@code session} table, column for column. */
@Entity(name = "BetterAuthSession")
@Table(name = "\"session\"")
public class SessionEntity {

    @Id
    @Column(name = "\"id\"")
    private String id;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"expiresAt\"", nullable = false)
    private Instant expiresAt;
    @Column(name = "\"token\"", nullable = false, unique = true)
    private String token;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"createdAt\"", nullable = false)
    private Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"updatedAt\"", nullable = false)
    private Instant updatedAt;
    @Column(name = "\"ipAddress\"")
    private String ipAddress;
    @Column(name = "\"userAgent\"")
    private String userAgent;
    @Column(name = "\"userId\"", nullable = false)
    private String userId;

    protected SessionEntity() {
    }

    static SessionEntity of(Session s) {
        SessionEntity e = new SessionEntity();
        e.id = s.id();
        e.token = s.token();
        e.userId = s.userId();
        e.expiresAt = s.expiresAt();
        e.createdAt = s.createdAt();
        e.updatedAt = s.updatedAt();
        e.ipAddress = s.ipAddress();
        e.userAgent = s.userAgent();
        return e;
    }

    void slide(Instant newExpiresAt, Instant newUpdatedAt) {
        expiresAt = newExpiresAt;
        updatedAt = newUpdatedAt;
    }

    void touch(Instant newUpdatedAt) {
        updatedAt = newUpdatedAt;
    }

    Session toSession() {
        return new Session(id, token, userId, expiresAt, createdAt, updatedAt, ipAddress, userAgent);
    }
}
