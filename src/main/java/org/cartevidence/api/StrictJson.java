package org.cartevidence.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * JSON types are taken at their word: 2.5 is not a count of 2, "2020" is not a year and 5 is not a title.
 * Jackson's lenient coercions would silently store what the client did not mean. No body may cost the parser
 * more than the API's bodies ever need: a few levels of nesting, no string above a few thousand characters. And every
 * string read is text both databases store as it is (see {@link #unstorable}).
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
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableText()));
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

    /**
     * Why {@code text} cannot be stored, or null. PostgreSQL's text cannot hold U+0000 (the insert fails), and an
     * unpaired surrogate, which a JSON escape such as {@code \ud800} can carry, is no character at all: PostgreSQL's
     * driver would store it as '?', H2 as it is.
     */
    public static String unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return "must not contain the character U+0000";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format("must not contain an unpaired surrogate (U+%04X)", (int) c);
            }
        }
        return null;
    }

    /** Reads a string as Jackson does (with the coercion rules above), and refuses one that cannot be stored. */
    private static final class StorableText extends StdScalarDeserializer<String> {

        StorableText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            String refusal = text == null ? null : unstorable(text);
            if (refusal != null) {
                throw new UnstorableText(parser, refusal);
            }
            return text;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** A string that cannot be stored; its message says why, for the client. */
    public static final class UnstorableText extends MismatchedInputException {

        UnstorableText(JsonParser parser, String message) {
            super(parser, message, String.class);
        }
    }
}
