package io.betterauth.jakarta.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Better Auth's {@code verification} table (email verification and reset tokens). Mapped so the schema is
 * complete and shared with a Node Better Auth; the session features here do not write it yet.
 */
@Entity(name = "BetterAuthVerification")
@Table(name = "\"verification\"")
public class VerificationEntity extends BetterAuthRow {

    @Column(name = "\"identifier\"", nullable = false)
    private String identifier;
    @Column(name = "\"value\"", nullable = false)
    private String value;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"expiresAt\"", nullable = false)
    private Instant expiresAt;

    protected VerificationEntity() {
    }
}
