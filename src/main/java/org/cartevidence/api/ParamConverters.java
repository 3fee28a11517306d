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
import java.util.stream.Collectors;

/**
 * Converts query parameters to the API's numbers, booleans, enums and instants, and answers a bad value with a 400
 * that names the parameter and the accepted values (rather than the framework's bare 404 or a silent default).
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null; // path and header parameters keep the framework's conversion (a bad id is a 404)
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new IntegerConverter(name);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new LongConverter(name);
        }
        if (rawType == Double.class || rawType == double.class) {
            return (ParamConverter<T>) new DoubleConverter(name);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new BooleanConverter(name);
        }
        if (rawType.isEnum() && rawType.getName().startsWith("org.cartevidence.")) {
            return (ParamConverter<T>) new EnumConverter(rawType, name);
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new InstantConverter(name);
        }
        return null;
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

    private record EnumConverter<E extends Enum<E>>(Class<E> type, String name) implements ParamConverter<E> {
        @Override
        public E fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                throw ApiException.badParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", ")));
            }
        }

        @Override
        public String toString(E value) {
            return value.name();
        }
    }

    private record IntegerConverter(String name) implements ParamConverter<Integer> {
        @Override
        public Integer fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(name, "must be a whole number");
            }
        }

        @Override
        public String toString(Integer value) {
            return value.toString();
        }
    }

    private record LongConverter(String name) implements ParamConverter<Long> {
        @Override
        public Long fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Long.valueOf(value.strip());
            } catch (NumberFormatException e) {
                throw ApiException.badParameter(name, "must be a whole number");
            }
        }

        @Override
        public String toString(Long value) {
            return value.toString();
        }
    }

    private record DoubleConverter(String name) implements ParamConverter<Double> {
        @Override
        public Double fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                double number = Double.parseDouble(value.strip());
                if (Double.isFinite(number)) { // NaN and infinities would slip past range constraints
                    return number;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ApiException.badParameter(name, "must be a number");
        }

        @Override
        public String toString(Double value) {
            return value.toString();
        }
    }

    /**
     * Only true or false: a lenient parse would read cascade=yes as false and act on what was not meant. 1 and 0 are
     * taken too, since Quarkus REST passes "0" for an absent primitive parameter.
     */
    private record BooleanConverter(String name) implements ParamConverter<Boolean> {
        @Override
        public Boolean fromString(String value) {
            if (value == null) {
                return null;
            }
            return switch (value.strip()) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> throw ApiException.badParameter(name, "must be true or false");
            };
        }

        @Override
        public String toString(Boolean value) {
            return value.toString();
        }
    }

    private record InstantConverter(String name) implements ParamConverter<Instant> {
        @Override
        public Instant fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw ApiException.badParameter(name, "must be an ISO-8601 instant such as 2025-01-31T00:00:00Z");
            }
        }

        @Override
        public String toString(Instant value) {
            return value.toString();
        }
    }
}
