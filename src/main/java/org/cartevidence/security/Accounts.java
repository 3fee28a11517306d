package org.cartevidence.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The accounts of the embedded HTTP Basic login. Passwords are only ever stored as bcrypt hashes. */
@ApplicationScoped
public class Accounts {

    /** Shorter passwords are refused: the account guards every write. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    @Inject
    EntityManager em;

    /** bcrypt's work factor (log2 of the rounds); every Basic login pays it once. */
    @ConfigProperty(name = "cartevidence.security.bcrypt-cost", defaultValue = "10")
    int bcryptCost;

    /** Creates the account or gives it this password and these roles. */
    @Transactional
    public void save(String username, String password, Set<String> roles) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password of '" + username + "' must have at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        AppUser user = find(username);
        if (user == null) {
            user = new AppUser();
            user.username = username;
        } else if (BcryptUtil.matches(password, user.passwordHash) && user.roles.equals(join(roles))) {
            return; // unchanged: keep the hash (and its salt)
        }
        user.passwordHash = BcryptUtil.bcryptHash(password, bcryptCost);
        user.roles = join(roles);
        em.persist(user);
    }

    /** Removes the account, if there is one; answers whether there was. */
    @Transactional
    public boolean remove(String username) {
        AppUser user = find(username);
        if (user != null) {
            em.remove(user);
        }
        return user != null;
    }

    private AppUser find(String username) {
        List<AppUser> users = em.createQuery("select u from AppUser u where u.username = :name", AppUser.class)
                .setParameter("name", username).getResultList();
        return users.isEmpty() ? null : users.get(0);
    }

    private static String join(Set<String> roles) {
        return String.join(",", new TreeSet<>(roles));
    }
}
