package org.cartevidence.cohort;

import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.cartevidence.api.ListFilter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the cohort list. A repeated parameter matches any of its values. */
public class CohortFilter extends ListFilter {

    @QueryParam("studyId")
    @Parameter(description = "Cohorts of this study.", example = "101")
    public Long studyId;

    @QueryParam("disease")
    @Parameter(description = "Disease.", example = "[\"SLE\"]")
    public List<Disease> disease;
}
