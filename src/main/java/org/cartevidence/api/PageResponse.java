package org.cartevidence.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the totals a client needs to draw a pager. */
public record PageResponse<T>(
        @Schema(description = "The items of this page.") List<T> items,
        @Schema(description = "This page's number, from 0.", examples = "0") int page,
        @Schema(description = "The page size used (after capping).", examples = "20") int size,
        @Schema(description = "Items matching the filters, over all pages.", examples = "24") long totalItems,
        @Schema(description = "Number of pages (0 when nothing matches).", examples = "2") int totalPages)
        implements AnswerCache.Weighed {

    @Override
    public int weight() {
        return items.size();
    }

    public static <T> PageResponse<T> of(List<T> items, int page, int size, long totalItems) {
        int totalPages = (int) ((totalItems + size - 1) / size);
        return new PageResponse<>(items, page, size, totalItems, totalPages);
    }
}
