package org.cartevidence.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging and sorting parameters every list operation takes. */
public class PageParams {

    public static final int MAX_SIZE = 100;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000)
    @Parameter(description = "Page number, from 0.", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Parameter(description = "Items per page (default 20). A size above 100 is capped at 100.", example = "20")
    public int size;

    @QueryParam("sort")
    // Each list documents its own fields and example (see SortField.Sorted).
    @Parameter(description = "Comma-separated sort fields; a leading '-' sorts descending. Only the fields this "
            + "operation documents are accepted. Ties (and the default) are in ascending id order.")
    public String sort;

    public int effectiveSize() {
        return Math.min(size, MAX_SIZE);
    }
}
