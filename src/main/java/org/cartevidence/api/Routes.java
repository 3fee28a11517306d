package org.cartevidence.api;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The methods each path of the API takes, read from the resource classes' annotations: the {@code Allow} header of a
 * 405 and of an OPTIONS answer (RFC 9110 §10.2.1). Quarkus REST's own OPTIONS answer lists every method of the
 * resource class, whatever the path.
 */
@ApplicationScoped
public class Routes {

    /** The order methods are listed in; HEAD goes with GET, and OPTIONS with every path. */
    private static final List<String> ORDER = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);
    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private record Route(Pattern path, String method) {
    }

    @Inject
    BeanManager beans;

    private List<Route> routes;

    @PostConstruct
    void read() {
        List<Route> all = new ArrayList<>();
        beans.getBeans(Object.class, Any.Literal.INSTANCE).stream().map(Bean::getBeanClass).distinct()
                .filter(type -> type.isAnnotationPresent(Path.class))
                .forEach(type -> {
                    String base = type.getAnnotation(Path.class).value();
                    for (Method method : type.getMethods()) {
                        String http = httpMethod(method);
                        if (http != null) {
                            Path sub = method.getAnnotation(Path.class);
                            all.add(new Route(template(base + "/" + (sub == null ? "" : sub.value())), http));
                        }
                    }
                });
        routes = List.copyOf(all);
    }

    /** The methods {@code path} (decoded, without the query) takes, in a fixed order; empty where no route is. */
    public Set<String> allowed(String path) {
        String normalized = normalize(path);
        Set<String> methods = routes.stream().filter(r -> r.path.matcher(normalized).matches()).map(Route::method)
                .collect(Collectors.toCollection(HashSet::new));
        if (methods.isEmpty()) {
            return Set.of();
        }
        if (methods.contains(HttpMethod.GET)) {
            methods.add(HttpMethod.HEAD);
        }
        methods.add(HttpMethod.OPTIONS);
        Set<String> ordered = new LinkedHashSet<>();
        ORDER.stream().filter(methods::contains).forEach(ordered::add);
        methods.stream().filter(m -> !ORDER.contains(m)).sorted().forEach(ordered::add);
        return ordered;
    }

    /** The {@code Allow} header's value for {@code path}. */
    public String allowHeader(String path) {
        return String.join(", ", allowed(path));
    }

    /** OPTIONS on the API: the methods of this path, or a 404 where there is nothing (CORS preflights never get here). */
    @ServerRequestFilter(preMatching = true)
    public Response options(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!HttpMethod.OPTIONS.equals(request.getMethod()) || !path.startsWith("/api/")) {
            return null;
        }
        Set<String> allowed = allowed(path);
        if (allowed.isEmpty()) {
            throw new NotFoundException();
        }
        return Response.ok().header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a pattern: {@code {id}} is one segment, {@code {id: regex}} what the regex says. */
    static Pattern template(String template) {
        String path = normalize(template);
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(path);
        int from = 0;
        while (parameter.find()) {
            regex.append(Pattern.quote(path.substring(from, parameter.start())));
            regex.append(parameter.group(1) == null ? "[^/]+" : "(?:" + parameter.group(1).strip() + ")");
            from = parameter.end();
        }
        regex.append(Pattern.quote(path.substring(from)));
        return Pattern.compile(regex.toString());
    }

    private static String normalize(String path) {
        String joined = ("/" + path).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
