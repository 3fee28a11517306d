package org.cartevidence.outcome;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.cartevidence.api.ListFilter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the outcome list. A repeated parameter matches any of its values. */
public class OutcomeFilter extends ListFilter {

    @QueryParam("cohortId")
    @Parameter(description = "Outcomes of this cohort.", example = "204")
    public Long cohortId;

    @QueryParam("measure")
    @Parameter(description = "Measure.", example = "[\"REMISSION\"]")
    public List<Measure> measure;
}
