package io.betterauth.jakarta.store.jpa.jwks;

import io.betterauth.jakarta.spi.JwkRecord;
import io.betterauth.jakarta.store.jpa.InstantConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of Better Auth's {@code jwks} table (the {@code jwt} plugin's schema): unlike the core tables it has no
 * {@code updatedAt}, so it does not extend {@code BetterAuthRow}. Text columns are unbounded, as Better Auth's
 * migration makes them.
 */
@Entity(name = "BetterAuthJwk")
@Table(name = "\"jwks\"")
public class JwkEntity {

    @Id
    @Column(name = "\"id\"")
    private String id;
    @Column(name = "\"publicKey\"", nullable = false)
    private String publicKey;
    @Column(name = "\"privateKey\"", nullable = false)
    private String privateKey;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"createdAt\"", nullable = false)
    private Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"expiresAt\"")
    private Instant expiresAt;
    @Column(name = "\"alg\"")
    private String alg;
    @Column(name = "\"crv\"")
    private String crv;

    protected JwkEntity() {
    }

    JwkEntity(JwkRecord key) {
        this.id = key.id();
        this.publicKey = key.publicKey();
        this.privateKey = key.privateKey();
        this.createdAt = key.createdAt();
        this.expiresAt = key.expiresAt();
        this.alg = key.alg();
        this.crv = key.crv();
    }

    JwkRecord toRecord() {
        return new JwkRecord(id, publicKey, privateKey, createdAt, expiresAt, alg, crv);
    }
}
