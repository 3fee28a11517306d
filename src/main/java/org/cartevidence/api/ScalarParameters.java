package org.cartevidence.api;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A query parameter that takes one value (every one not declared as a collection) is refused with a 400 naming it
 * when it is given twice or given empty: the framework would take the first of two values, and an empty one as
 * absent (the default), silently answering another question than the one asked. Which parameters take one value is
 * read from the matched resource method's {@link QueryParam}s, its own and those of its {@link BeanParam}s (nested
 * ones included).
 */
public class ScalarParameters {

    private final Map<Method, Set<String>> scalarsOfMethod = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Map<String, List<String>> query = request.getUriInfo().getQueryParameters();
        if (method == null || query.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : scalarsOfMethod.computeIfAbsent(method, ScalarParameters::scalars)) {
            List<String> values = query.get(name);
            if (values == null) {
                continue;
            }
            if (values.size() > 1) {
                errors.add(new Problem.FieldError(name, "takes one value, but was given " + values.size()));
            } else if (values.get(0).isBlank()) {
                errors.add(new Problem.FieldError(name, "must not be empty; leave it out for its default"));
            }
        }
        if (errors.size() == 1) {
            throw ApiException.badParameter(errors.get(0).field(), errors.get(0).message());
        }
        if (!errors.isEmpty()) {
            throw new ApiException(400, "bad-request", "Bad request", errors.size() + " parameters are invalid",
                    errors);
        }
    }

    /** The names of the single-valued query parameters of {@code method}, sorted (errors come in that order). */
    private static Set<String> scalars(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            add(parameter, parameter.getType(), names);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                addFields(parameter.getType(), names);
            }
        }
        return names;
    }

    /** The fields of a {@link BeanParam} class, its superclasses' and those of the beans it holds as fields. */
    private static void addFields(Class<?> bean, Set<String> names) {
        for (Class<?> type = bean; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                add(field, field.getType(), names);
                if (field.isAnnotationPresent(BeanParam.class)) {
                    addFields(field.getType(), names);
                }
            }
        }
    }

    private static void add(AnnotatedElement element, Class<?> type, Set<String> names) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null && !Collection.class.isAssignableFrom(type) && !type.isArray()) {
            names.add(query.value());
        }
    }
}
