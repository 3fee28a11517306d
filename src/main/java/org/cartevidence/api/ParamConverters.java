package org.cartevidence.api;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Converts query parameters to the API's numbers, booleans, enums, instants and text, and answers a bad value with a
 * 400 that names the parameter and the accepted values (rather than the framework's bare 404 or a silent default).
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null && isPath(annotations) && (rawType == Long.class || rawType == long.class)) {
            return (ParamConverter<T>) new PathId();
        }
        if (name == null) {
            return null; // other path and header parameters keep the framework's conversion
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be a whole number", Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be a whole number", Long::valueOf);
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be a number",
                    value -> finite(Double.parseDouble(value)));
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Converter<>(name, "must be true or false", ParamConverters::bool);
        }
        if (rawType.isEnum() && rawType.getName().startsWith("org.cartevidence.")) {
            return (ParamConverter<T>) enumConverter((Class) rawType, name);
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) new Text(name);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<>(name,
                    "must be an ISO-8601 instant such as 2025-01-31T00:00:00Z", Instant::parse);
        }
        return null;
    }

    private static boolean isPath(Annotation[] annotations) {
        return annotations != null && Arrays.stream(annotations).anyMatch(a -> a instanceof jakarta.ws.rs.PathParam);
    }

    /** A record id in a path: digits only, so that "+1" or "01" names no record (404) instead of record 1. */
    private static final class PathId implements ParamConverter<Long> {
        @Override
        public Long fromString(String value) {
            if (value == null || !value.matches("[1-9][0-9]{0,18}")) {
                throw ApiException.notFound("no record has the id", value);
            }
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                throw ApiException.notFound("no record has the id", value);
            }
        }

        @Override
        public String toString(Long value) {
            return value.toString();
        }
    }

    private static String parameterName(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam q) {
                    return q.value();
                }
            }
        }
        return null;
    }

    private static <E extends Enum<E>> Converter<E> enumConverter(Class<E> type, String name) {
        return new Converter<>(name, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", ")), value -> Enum.valueOf(type, value));
    }

    /** NaN and infinities would slip past range constraints. */
    private static Double finite(double number) {
        return Double.isFinite(number) ? number : null;
    }

    /**
     * Only true or false: a lenient parse would read cascade=yes as false and act on what was not meant. 1 and 0 are
     * taken too, since Quarkus REST passes "0" for an absent primitive parameter.
     */
    private static Boolean bool(String value) {
        return switch (value) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** Text as it was sent, unless no database could hold it (it is bound as a query parameter). */
    private record Text(String name) implements ParamConverter<String> {
        @Override
        public String fromString(String value) {
            String refusal = value == null ? null : StrictJson.unstorable(value);
            if (refusal != null) {
                throw ApiException.badParameter(name, refusal);
            }
            return value;
        }

        @Override
        public String toString(String value) {
            return value;
        }
    }

    /**
     * Reads a trimmed value with {@code parse}; a value it refuses (by throwing or answering null) is a 400 saying
     * what the parameter must be.
     */
    private record Converter<T>(String name, String mustBe, Function<String, T> parse) implements ParamConverter<T> {
        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            T parsed;
            try {
                parsed = parse.apply(value.strip());
            } catch (IllegalArgumentException | DateTimeParseException e) { // NumberFormatException is the first
                parsed = null;
            }
            if (parsed == null) {
                throw ApiException.badParameter(name, mustBe);
            }
            return parsed;
        }

        @Override
        public String toString(T value) {
            return value instanceof Enum<?> constant ? constant.name() : value.toString();
        }
    }
}
