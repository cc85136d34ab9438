package io.betterauth.jakarta.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Better Auth's {@code verification} table (email verification and reset tokens). Mapped so the schema is
 * complete and shared with a Node Better Auth; the session features here do not write it yet.
 */
@Entity(name = "BetterAuthVerification")
@Table(name = "\"verification\"")
public class VerificationEntity {

    @Id
    @Column(name = "\"id\"")
    private String id;
    @Column(name = "\"identifier\"", nullable = false)
    private String identifier;
    @Column(name = "\"value\"", nullable = false)
    private String value;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"expiresAt\"", nullable = false)
    private Instant expiresAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"createdAt\"", nullable = false)
    private Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"updatedAt\"", nullable = false)
    private Instant updatedAt;

    protected VerificationEntity() {
    }
}
