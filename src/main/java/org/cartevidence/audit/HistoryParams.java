package org.cartevidence.audit;

import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.cartevidence.api.PageRequest;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Paging of a history: revisions come oldest first, so there is nothing to sort by. */
public class HistoryParams extends PageRequest {

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Parameter(description = "Revisions per page (default 20). A size above 100 is capped at 100.", example = "20")
    public int size;

    @Override
    protected int size() {
        return size;
    }
}
