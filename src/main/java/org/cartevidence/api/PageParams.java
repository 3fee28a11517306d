package org.cartevidence.api;

import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging and sorting parameters every list of records takes. */
public class PageParams extends PageRequest {

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

    @Override
    protected int size() {
        return size;
    }
}
