package org.cartevidence.api;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Answers a page with an RFC 8288 {@code Link} header (first, prev, next, last). */
public final class Paging {

    private Paging() {
    }

    public static <T> RestResponse<PageResponse<T>> respond(PageResponse<T> page, UriInfo uri) {
        int last = Math.max(page.totalPages() - 1, 0);
        List<String> links = new ArrayList<>();
        links.add(link(uri, 0, page.size(), "first"));
        if (page.page() > 0) {
            links.add(link(uri, Math.min(page.page() - 1, last), page.size(), "prev"));
        }
        if (page.page() < last) {
            links.add(link(uri, page.page() + 1, page.size(), "next"));
        }
        links.add(link(uri, last, page.size(), "last"));
        return RestResponse.ResponseBuilder.ok(page).header("Link", String.join(", ", links)).build();
    }

    /**
     * The request's URL with another page. It takes the scheme and host the client used, which behind a proxy come
     * from X-Forwarded-* or Forwarded (with quarkus.http.proxy.proxy-address-forwarding). Its commas are
     * percent-encoded (the same query to the server): a client that splits the header at commas keeps the URL whole.
     */
    private static String link(UriInfo uri, int page, int size, String rel) {
        UriBuilder builder = uri.getRequestUriBuilder().replaceQueryParam("page", page).replaceQueryParam("size", size);
        return "<" + builder.build().toASCIIString().replace(",", "%2C") + ">; rel=\"" + rel + "\"";
    }
}
