package io.betterauth.jakarta.store.jpa;

import io.betterauth.jakarta.api.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Better Auth's {@code account} table. The OAuth columns are mapped so rows written by a Node Better Auth load
 * here unchanged; this library reads and writes only the credential ones.
 */
@Entity(name = "BetterAuthAccount")
@Table(name = "\"account\"")
public class AccountEntity extends BetterAuthRow {

    @Column(name = "\"accountId\"", nullable = false)
    private String accountId;
    @Column(name = "\"providerId\"", nullable = false)
    private String providerId;
    @Column(name = "\"userId\"", nullable = false)
    private String userId;
    @Column(name = "\"accessToken\"")
    private String accessToken;
    @Column(name = "\"refreshToken\"")
    private String refreshToken;
    @Column(name = "\"idToken\"")
    private String idToken;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"accessTokenExpiresAt\"")
    private Instant accessTokenExpiresAt;
    @Convert(converter = InstantConverter.class)
    @Column(name = "\"refreshTokenExpiresAt\"")
    private Instant refreshTokenExpiresAt;
    @Column(name = "\"scope\"")
    private String scope;
    @Column(name = "\"password\"")
    private String password;

    protected AccountEntity() {
    }

    AccountEntity(Account a) {
        super(a.id(), a.createdAt(), a.updatedAt());
        accountId = a.accountId();
        providerId = a.providerId();
        userId = a.userId();
        password = a.password();
    }

    void updatePassword(String newPassword, Instant newUpdatedAt) {
        password = newPassword;
        touch(newUpdatedAt);
    }

    Account toAccount() {
        return new Account(id, accountId, providerId, userId, password, createdAt, updatedAt);
    }
}
