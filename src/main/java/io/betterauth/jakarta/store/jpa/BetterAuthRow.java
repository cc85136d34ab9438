package io.betterauth.jakarta.store.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * The columns every one of Better Auth's tables has: {@code id} (assigned by the library), {@code createdAt} and
 * {@code updatedAt}. A mapped superclass, not an entity: each table keeps its own entity and no inheritance strategy
 * is involved, so EclipseLink and Hibernate map it alike.
 */
@MappedSuperclass
public abstract class BetterAuthRow {

    @Id
    @Column(name = "\"id\"")
    protected String id;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"createdAt\"", nullable = false)
    protected Instant createdAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"updatedAt\"", nullable = false)
    protected Instant updatedAt;

    protected BetterAuthRow() {
    }

    protected BetterAuthRow(String id, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** Stamps {@code updatedAt}, as every change of a row does. */
    void touch(Instant newUpdatedAt) {
        updatedAt = newUpdatedAt;
    }
}
