package org.cartevidence.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@code application/problem+json}. Client mistakes name the field or parameter;
 * nothing internal (stack traces, SQL, class names) ever reaches the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String TYPE_PREFIX = "urn:cart-evidence:problem:";

    /** By convention every resource method names its request body parameter {@code body}. */
    static final String BODY_PARAMETER = "body";

    /** The challenges of a 401: HTTP Basic for the embedded accounts, bearer for JWTs. */
    public static final String CHALLENGE_BASIC = "Basic realm=\"cart-evidence\", charset=\"UTF-8\"";
    public static final String CHALLENGE_BEARER = "Bearer realm=\"cart-evidence\"";

    @Inject
    Routes routes;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        return problem(e.getResponse().getStatus(), e.problemType(), e.title(), e.getMessage(), e.errors(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> bodyErrors = e.getConstraintViolations().stream()
                .filter(ProblemMapper::isBodyViolation)
                .map(v -> new Problem.FieldError(fieldPath(v.getPropertyPath(), true), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        if (!bodyErrors.isEmpty()) {
            ApiException invalid = ApiException.invalid(bodyErrors);
            return api(invalid, uri);
        }
        List<Problem.FieldError> paramErrors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldPath(v.getPropertyPath(), false), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return problem(400, "bad-request", "Bad request", "invalid query or header parameters", paramErrors, uri);
    }

    /** Listed one by one: Quarkus's own mappers for the narrower Jackson types would otherwise win. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, StreamConstraintsException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return api(unreadable(e), uri);
    }

    /** A body Jackson could not read, as a 400 naming the field and what it must be (never Jackson's text). */
    public static ApiException unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        String message;
        if (e instanceof StreamConstraintsException) {
            message = "exceeds the limits of the API: at most " + StrictJson.MAX_NESTING_DEPTH + " levels of nesting, "
                    + StrictJson.MAX_STRING_LENGTH + " characters per string, " + StrictJson.MAX_NAME_LENGTH
                    + " per field name and " + StrictJson.MAX_NUMBER_LENGTH + " per number";
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            message = "malformed JSON: more than one value";
        } else if (e instanceof StrictJson.UnstorableText) {
            message = e.getOriginalMessage();
        } else if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "must be " + describe(m.getTargetType());
        } else {
            message = "malformed JSON";
        }
        return new ApiException(400, "malformed-body", "Malformed request body", "the request body could not be read",
                List.of(new Problem.FieldError(field.isEmpty() ? BODY_PARAMETER : field, message)));
    }

    /**
     * No or bad credentials. The challenge names both schemes the API takes; the body never says which part of a
     * credential was wrong.
     */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = e instanceof AuthenticationFailedException
                ? "the credentials were not accepted"
                : "this operation needs credentials: HTTP Basic or a bearer token";
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, List.of(), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE_BASIC)
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE_BEARER)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "your role does not allow this operation", List.of(), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentWrite(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        boolean conditional = headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        return problem(conditional ? 412 : 409, "concurrent-modification", "Concurrent modification",
                "the record was changed by another request meanwhile; read it again and retry", List.of(), uri);
    }

    @ServerExceptionMapper({PessimisticLockException.class, LockTimeoutException.class})
    public Response locked(RuntimeException e, UriInfo uri) {
        return problem(409, "concurrent-modification", "Concurrent modification",
                "the record is being changed by another request; retry", List.of(), uri);
    }

    @ServerExceptionMapper
    public Response databaseConstraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        LOG.debugf("constraint violation: %s", e.getConstraintName());
        return problem(409, "conflict", "Conflict", "the change conflicts with stored data", List.of(), uri);
    }

    /** A 405 names the methods the path does take (RFC 9110 §15.5.6). */
    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return Response.fromResponse(problem(405, "method-not-allowed", "Method Not Allowed",
                        "this method is not allowed on this resource", List.of(), uri))
                .header(HttpHeaders.ALLOW, routes.allowHeader(uri.getPath()))
                .build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("request failed", e);
        }
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no resource at this path";
            case 406 -> "none of the accepted media types can be produced";
            case 415 -> "this content type is not accepted here";
            default -> status.getReasonPhrase();
        };
        return problem(status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(), detail,
                List.of(), uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("unexpected failure", e);
        return problem(500, "internal", "Internal error", "the server could not answer this request", List.of(), uri);
    }

    static Response problem(int status, String type, String title, String detail, List<Problem.FieldError> errors,
            UriInfo uri) {
        String instance = uri == null ? null : uri.getRequestUri().getRawPath();
        Problem body = new Problem(URI.create(TYPE_PREFIX + type), title, status, detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static boolean isBodyViolation(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                return BODY_PARAMETER.equals(node.getName());
            }
        }
        return true; // a bean validated on its own (not as a method parameter) is a body
    }

    /**
     * A violation's path as a client knows it: {@code cohorts[0].label} for a body field, the parameter name for a
     * query parameter. Method and parameter nodes are Java names and are left out, and so, for a parameter, are the
     * fields that hold a nested {@code @BeanParam}: a parameter's field is named as the parameter.
     */
    public static String fieldPath(Path path, boolean body) {
        StringBuilder out = new StringBuilder();
        String lastName = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                lastName = node.getName();
                continue;
            }
            if (node.getIndex() != null && out.length() > 0) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!body) {
                    out.setLength(0);
                }
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        if (out.length() == 0) {
            return lastName == null || (body && BODY_PARAMETER.equals(lastName)) ? BODY_PARAMETER : lastName;
        }
        return out.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return type == Integer.class || type == Long.class || type == int.class || type == long.class
                    ? "a whole number" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String slug(String reason) {
        return reason == null ? "error" : reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }
}
