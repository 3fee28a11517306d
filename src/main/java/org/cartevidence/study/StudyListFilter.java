package org.cartevidence.study;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import org.cartevidence.api.ListFilter;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the study list and of what lists studies (the export, FHIR's search): the study filters and these. */
public class StudyListFilter extends StudyFilter {

    @QueryParam("q")
    @Size(max = 200)
    @Parameter(description = "Case-insensitive text in the title, key, registry ids, DOI or sponsor.", example = "lupus")
    public String q;

    /** updatedSince, as every list of records takes it. */
    @BeanParam
    public ListFilter changed = new ListFilter();
}
