package org.cartevidence.security;

/** The roles the API knows. A role comes from the {@code app_user} table or from a JWT's roles claim. */
public final class Roles {

    /** May write: create, change and delete studies, cohorts and outcomes. */
    public static final String CURATOR = "curator";

    /** May read when reads are not public; never write. */
    public static final String READER = "reader";

    private Roles() {
    }
}
