package io.betterauth.jakarta.it.existing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The existing application's own users, in its own table named {@code user} (quoted: a reserved word in H2), with
 * columns unlike Better Auth's (the app numbers its rows itself: EclipseLink's H2 {@code IDENTITY} DDL predates
 * H2 2). The library's users live beside it under {@code better-auth.user.model-name}.
 */
@Entity
@Table(name = "\"user\"")
public class AppUser {

    @Id
    private long id;
    private String login;
    @Column(name = "display_name")
    private String displayName;

    protected AppUser() {
    }

    public AppUser(long id, String login, String displayName) {
        this.id = id;
        this.login = login;
        this.displayName = displayName;
    }

    public String getLogin() {
        return login;
    }

    public String getDisplayName() {
        return displayName;
    }
}
