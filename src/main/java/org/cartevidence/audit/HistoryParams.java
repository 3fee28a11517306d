package org.cartevidence.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.cartevidence.api.PageParams;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Paging of a history: revisions come oldest first, so there is nothing to sort by. */
public class HistoryParams {

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(1_000_000)
    @Parameter(description = "Page number, from 0.", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Parameter(description = "Revisions per page (default 20). A size above 100 is capped at 100.", example = "20")
    public int size;

    public int effectiveSize() {
        return Math.min(size, PageParams.MAX_SIZE);
    }
}
