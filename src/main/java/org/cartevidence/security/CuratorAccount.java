package org.cartevidence.security;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded curator: the account {@value #USERNAME} exists exactly while {@code CARTEVIDENCE_CURATOR_PASSWORD}
 * is set, with that password. There is no built-in password: without one, Basic-auth writes are refused.
 */
@ApplicationScoped
public class CuratorAccount {

    public static final String USERNAME = "curator";
    private static final Logger LOG = Logger.getLogger(CuratorAccount.class);

    @ConfigProperty(name = "cartevidence.curator-password")
    Optional<String> password;

    @Inject
    Accounts accounts;

    void onStart(@Observes StartupEvent event) {
        if (password.isPresent() && !password.get().isBlank()) {
            if (password.get().length() < Accounts.MIN_PASSWORD_LENGTH) {
                throw new IllegalStateException("CARTEVIDENCE_CURATOR_PASSWORD must have at least "
                        + Accounts.MIN_PASSWORD_LENGTH + " characters");
            }
            accounts.save(USERNAME, password.get(), Set.of(Roles.CURATOR));
            LOG.infof("curator account '%s' is ready: writes accept HTTP Basic as this user", USERNAME);
            return;
        }
        boolean removed = accounts.remove(USERNAME);
        LOG.warnf("writes by HTTP Basic are refused: CARTEVIDENCE_CURATOR_PASSWORD is not set%s. To enable them, "
                + "restart with CARTEVIDENCE_CURATOR_PASSWORD set (at least %d characters) and write as user '%s'; "
                + "or send JWT bearer tokens with the curator role (see README, Security).",
                removed ? ", so the earlier curator account was removed" : "", Accounts.MIN_PASSWORD_LENGTH, USERNAME);
    }
}
