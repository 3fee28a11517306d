package org.cartevidence.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code ?format=json|csv|ndjson} on any read of the API stands for the matching Accept header, so that a pipeline or
 * a browser link can choose the format without setting headers. It wins over the Accept header sent.
 */
public class FormatParameter {

    public static final String NAME = "format";
    public static final String NDJSON = "application/x-ndjson";

    static final Map<String, String> MEDIA_TYPES = Map.of(
            "json", jakarta.ws.rs.core.MediaType.APPLICATION_JSON, "csv", Csv.MEDIA_TYPE, "ndjson", NDJSON);

    @ServerRequestFilter(preMatching = true)
    public void chooseFormat(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())) {
            return;
        }
        List<String> values = request.getUriInfo().getQueryParameters().get(NAME);
        if (values == null || values.isEmpty() || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String value = values.get(0).strip().toLowerCase(java.util.Locale.ROOT);
        String mediaType = MEDIA_TYPES.get(value);
        if (mediaType == null || values.size() > 1) {
            throw ApiException.badParameter(NAME, "must be one of csv, json, ndjson (once)");
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, mediaType);
    }
}
