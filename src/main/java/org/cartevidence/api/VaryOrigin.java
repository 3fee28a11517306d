package org.cartevidence.api;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With CORS on, an answer's CORS headers depend on the request's Origin (the allowed origin is echoed back, or left
 * out), so every answer says {@code Vary: Origin}: a shared cache must not hand one origin's answer to another, nor an
 * answer without CORS headers to a browser that needs them.
 */
@ApplicationScoped
public class VaryOrigin {

    @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false")
    boolean cors;

    void install(@Observes Router router) {
        if (!cors) {
            return;
        }
        // First of all handlers, so that it is in place before the CORS handler ends a preflight.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(done -> vary(context.response().headers()));
            context.next();
        });
    }

    static void vary(MultiMap headers) {
        for (String value : headers.getAll(HttpHeaders.VARY)) {
            for (String field : value.split(",")) {
                if (field.strip().equalsIgnoreCase("Origin") || field.strip().equals("*")) {
                    return;
                }
            }
        }
        headers.add(HttpHeaders.VARY, "Origin");
    }
}
