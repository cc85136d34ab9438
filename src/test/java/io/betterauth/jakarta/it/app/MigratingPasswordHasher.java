package io.betterauth.jakarta.it.app;

import io.betterauth.jakarta.api.BetterAuthApi;
import io.betterauth.jakarta.spi.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/** Users migrated with bcrypt hashes sign in; every new or changed password is Better Auth's scrypt. */
@ApplicationScoped
public class MigratingPasswordHasher implements PasswordHasher {

    @Inject
    BetterAuthApi auth;

    @Override
    public String hash(String password) {
        return auth.scryptHash(password);
    }

    @Override
    public boolean verify(String hash, String password) {
        return hash.startsWith("$2") ? OpenBSDBCrypt.checkPassword(hash, password.toCharArray())
                : auth.scryptVerify(hash, password);
    }
}
