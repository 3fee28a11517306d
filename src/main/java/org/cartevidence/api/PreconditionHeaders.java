package org.cartevidence.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses (400) an {@code If-Match} or {@code If-None-Match} that is not {@code *} or a list of entity tags
 * (RFC 9110, section 8.8.3). The framework's lenient parse reads {@code "0} as {@code "0"}, so that a malformed
 * precondition could match and let a write through.
 */
public class PreconditionHeaders {

    private static final String TAG = "(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"";
    private static final Pattern WELL_FORMED =
            Pattern.compile("\\s*(\\*|" + TAG + "(\\s*,\\s*" + TAG + ")*)\\s*");

    @ServerRequestFilter
    public void check(ContainerRequestContext request) {
        for (String header : List.of("If-Match", "If-None-Match")) {
            List<String> values = request.getHeaders().get(header);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (!WELL_FORMED.matcher(value).matches()) {
                    throw ApiException.badParameter(header, "must be * or entity tags in double quotes, such as \"3\"");
                }
            }
        }
    }
}
