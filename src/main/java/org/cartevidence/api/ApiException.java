package org.cartevidence.api;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * A refusal the API answers as problem details. It extends {@link WebApplicationException} so that it also
 * passes unchanged through parameter converters.
 */
public class ApiException extends WebApplicationException {

    private final String problemType;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ApiException(int status, String problemType, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, status);
        this.problemType = problemType;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ApiException badParameter(String parameter, String message) {
        return new ApiException(400, "bad-request", "Bad request", "parameter '" + parameter + "' is invalid",
                List.of(new Problem.FieldError(parameter, message)));
    }

    public static ApiException invalid(List<Problem.FieldError> errors) {
        return new ApiException(422, "validation", "Invalid input",
                errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid", errors);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public String problemType() {
        return problemType;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
