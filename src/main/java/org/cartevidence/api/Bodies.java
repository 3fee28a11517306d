package org.cartevidence.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.Set;

/**
 * Reads and validates a request body that did not arrive as a resource method parameter (a merged patch, a
 * reference-data document), with the same rules and the same problem answers as one that did.
 */
@ApplicationScoped
public class Bodies {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    public <I> I read(JsonNode json, Class<I> type) {
        try {
            return validate(mapper.treeToValue(json, type));
        } catch (JsonProcessingException e) {
            throw ProblemMapper.unreadable(e);
        }
    }

    public <I> I validate(I body) {
        Set<ConstraintViolation<I>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(ProblemMapper.fieldPath(v.getPropertyPath(), true), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList());
        }
        return body;
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }
}
