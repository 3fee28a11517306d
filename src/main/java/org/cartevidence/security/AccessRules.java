package org.cartevidence.security;

import io.quarkus.vertx.http.security.HttpSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may call the API, decided by HTTP method so that every operation, present and future, is covered: writes
 * need a curator; reads are public unless {@code cartevidence.security.public-read=false}, when they need a reader
 * or a curator. The checks run inside Quarkus REST ({@code applyToJaxRs}), so their refusals are answered by
 * {@link org.cartevidence.api.ProblemMapper} as problem details.
 */
@ApplicationScoped
public class AccessRules {

    static final String API = "/api/*";

    @ConfigProperty(name = "cartevidence.security.public-read", defaultValue = "true")
    boolean publicRead;

    void rules(@Observes HttpSecurity http) {
        http.path(API).methods("POST", "PUT", "PATCH", "DELETE").applyToJaxRs().roles(Roles.CURATOR);
        // Explicit even when public: a path that matches a permission whose methods don't is denied by default.
        if (publicRead) {
            http.path(API).methods("GET", "HEAD", "OPTIONS").applyToJaxRs().permit();
        } else {
            http.path(API).methods("GET", "HEAD").applyToJaxRs().roles(Roles.READER, Roles.CURATOR);
            http.path(API).methods("OPTIONS").applyToJaxRs().permit();
        }
    }
}
