package org.cartevidence.fhir;

import jakarta.ws.rs.core.UriInfo;
import java.util.Date;
import org.hl7.fhir.r5.model.Bundle;
import org.hl7.fhir.r5.model.Resource;

/** searchset Bundles: the total, the self link and the page links, one match entry per resource. */
final class SearchBundles {

    private SearchBundles() {
    }

    static Bundle of(UriInfo uri, long total) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTimestamp(new Date());
        bundle.setTotal((int) Math.min(total, Integer.MAX_VALUE));
        bundle.addLink().setRelation(Bundle.LinkRelationTypes.SELF).setUrl(uri.getRequestUri().toString());
        return bundle;
    }

    /** next and previous as FHIR names them, over the API's own page parameter. */
    static void pageLinks(Bundle bundle, UriInfo uri, int page, int totalPages) {
        if (page > 0 && totalPages > 0) {
            bundle.addLink().setRelation(Bundle.LinkRelationTypes.PREVIOUS).setUrl(uri.getRequestUriBuilder()
                    .replaceQueryParam("page", Math.min(page, totalPages) - 1).build().toString());
        }
        if (page + 1 < totalPages) {
            bundle.addLink().setRelation(Bundle.LinkRelationTypes.NEXT).setUrl(uri.getRequestUriBuilder()
                    .replaceQueryParam("page", page + 1).build().toString());
        }
    }

    static void add(Bundle bundle, String fullUrl, Resource resource) {
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource).getSearch()
                .setMode(Bundle.SearchEntryMode.MATCH);
    }
}
