package org.cartevidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Caps the request bodies of the API (413 beyond the limit, with or without a Content-Length) and answers the
 * refusal as problem details: the HTTP server's own limit would answer an empty 413. A declared length is judged
 * before anything is read; a chunked body is read here, counted as it arrives, and handed to Quarkus REST through the
 * routing context. A route that reads its body as a stream declares its own limit as a {@link StreamedRoute}.
 */
@ApplicationScoped
public class BodyLimit {

    /**
     * A route that reads its body as a stream and counts it itself, refusing with {@link #tooLarge(long)} past its
     * limit. Here its declared Content-Length is judged against that limit, and a chunked body is passed on unread.
     * A feature declares one as a bean, so that this filter needs to know no feature's URL.
     */
    public interface StreamedRoute {

        /** The route's path, as the request names it after normalization (no query). */
        String path();

        /** The largest body the route takes, in bytes. */
        long limit();
    }

    @ConfigProperty(name = "cartevidence.limits.max-body-size", defaultValue = "1M")
    MemorySize limit;

    @Inject
    Instance<StreamedRoute> streamedRoutes;

    @Inject
    ObjectMapper mapper;

    /** The limit of each streamed route, by path; set before the router takes its first request. */
    private Map<String, Long> streamed = Map.of();

    void install(@Observes Router router) {
        Map<String, Long> limits = new HashMap<>();
        for (StreamedRoute route : streamedRoutes) {
            if (limits.put(route.path(), route.limit()) != null) {
                throw new IllegalStateException("two body limits for " + route.path());
            }
        }
        streamed = Map.copyOf(limits);
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
        // Before the server's own check (order -2) so that this limit and this answer win.
        router.route("/api/*").order(-3)
                .handler(context -> {
                    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                    long max = limitOf(context);
                    if (length != null) {
                        if (tooLong(length, max)) {
                            tooLarge(context, max);
                        } else {
                            context.next();
                        }
                    } else if (isStreamed(context)) {
                        context.next();
                    } else if (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                        chunked.handle(context); // counts the chunks as they come; fails with 413 past the limit
                    } else {
                        context.next();
                    }
                })
                .handler(context -> {
                    // Quarkus REST takes a body read here from the context; an empty one must be there, not absent.
                    if (context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING) && !isStreamed(context)
                            && context.body().buffer() == null) {
                        context.setBody(Buffer.buffer());
                    }
                    context.next();
                })
                .failureHandler(context -> {
                    if (context.statusCode() == 413) {
                        tooLarge(context, limitOf(context));
                    } else {
                        context.next();
                    }
                });
    }

    private boolean isStreamed(RoutingContext context) {
        return streamed.containsKey(context.normalizedPath());
    }

    private long limitOf(RoutingContext context) {
        return streamed.getOrDefault(context.normalizedPath(), limit.asLongValue());
    }

    private static boolean tooLong(String contentLength, long max) {
        try {
            return Long.parseLong(contentLength.strip()) > max;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed Content-Length itself
        }
    }

    /** The answer to a body over {@code max} bytes, as an exception for code that reads the body itself. */
    public static ApiException tooLarge(long max) {
        return new ApiException(413, "too-large", "Content too large",
                "the request body is larger than the limit of " + max + " bytes", List.of());
    }

    private void tooLarge(RoutingContext context, long max) {
        Problem problem = new Problem(URI.create(ProblemMapper.TYPE_PREFIX + "too-large"), "Content too large", 413,
                "the request body is larger than the limit of " + max + " bytes",
                context.request().path(), List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // The rest of an oversized body is never read: close the connection rather than drain it.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
