package org.cartevidence.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * JWTs the tests sign themselves with the test key pair ({@code src/test/resources/jwt}), as an OpenID Connect
 * provider would: issuer, subject, user name and roles in the groups claim.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
    }

    /** A claims builder for a valid token of this user with these roles, to sign or to change first. */
    public static JwtClaimsBuilder claims(String user, String... roles) {
        return Jwt.issuer(issuer()).subject(user).upn(user).groups(Set.of(roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
    }

    /** A signed token of this user with these roles. */
    public static String token(String user, String... roles) {
        return claims(user, roles).sign();
    }
}
