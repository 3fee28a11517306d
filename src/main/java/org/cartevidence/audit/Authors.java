package org.cartevidence.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.function.Supplier;

/**
 * Who a change is recorded for: the authenticated principal of the request, or the name of a piece of the
 * service itself (the reference-data load) that writes outside any request.
 */
public final class Authors {

    /** Written when no one is authenticated; the access rules let no such write through the API. */
    public static final String ANONYMOUS = "anonymous";

    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    private Authors() {
    }

    /** Runs {@code work} with every change it makes recorded as made by {@code author}. */
    public static <T> T actingAs(String author, Supplier<T> work) {
        String previous = ACTING.get();
        ACTING.set(author);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                ACTING.remove();
            } else {
                ACTING.set(previous);
            }
        }
    }

    static String current() {
        String acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        ArcContainer container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
            if (identity != null && !identity.isAnonymous()) {
                return identity.getPrincipal().getName();
            }
        }
        return ANONYMOUS;
    }
}
