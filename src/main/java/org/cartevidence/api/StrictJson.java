package org.cartevidence.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * JSON types are taken at their word: 2.5 is not a count of 2, "2020" is not a year and 5 is not a title.
 * Jackson's lenient coercions would silently store what the client did not mean. And no body may cost the parser
 * more than the API's bodies ever need: a few levels of nesting, no string above a few thousand characters.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** The API's bodies are at most three levels deep (a patch of a list); the margin is for error reporting. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** The longest text field takes 4,000 characters. */
    public static final int MAX_STRING_LENGTH = 10_000;
    public static final int MAX_NAME_LENGTH = 200;
    /** Digits of one number: more than a double can tell apart, far less than a parser's worst case. */
    public static final int MAX_NUMBER_LENGTH = 50;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // {"title":"x"} followed by anything else is not one JSON value: refuse it rather than read half of it.
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        for (LogicalType number : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(number).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        for (CoercionInputShape scalar : new CoercionInputShape[] {
                CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean}) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Enum).setCoercion(scalar, CoercionAction.Fail);
        }
    }
}
