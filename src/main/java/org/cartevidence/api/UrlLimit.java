package org.cartevidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps the length of a request's URL (path and query) and answers a longer one with a 414 in problem details. The
 * HTTP server's own cap on the request line ({@code quarkus.http.limits.max-initial-line-length}) is set well above
 * this one, since beyond it the server answers an empty 414 itself, before any handler sees the request.
 */
@ApplicationScoped
public class UrlLimit {

    @ConfigProperty(name = "cartevidence.limits.max-url-length", defaultValue = "64K")
    MemorySize limit;

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        long max = limit.asLongValue();
        // Ahead of every other handler of the application (the body limit is at -3): nothing reads such a request.
        router.route().order(-4).handler(context -> {
            if (context.request().uri().length() > max) {
                tooLong(context, max);
            } else {
                context.next();
            }
        });
    }

    private void tooLong(RoutingContext context, long max) {
        Problem problem = new Problem(URI.create(ProblemMapper.TYPE_PREFIX + "uri-too-long"), "URI Too Long", 414,
                "the URL (path and query) is longer than the limit of " + max + " characters",
                context.request().path(), List.of());
        try {
            context.response().setStatusCode(414).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
