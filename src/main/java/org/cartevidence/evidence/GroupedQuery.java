package org.cartevidence.evidence;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of the analyses that answer per group: the shared ones and groupBy. */
public class GroupedQuery extends EvidenceQuery {

    @QueryParam("groupBy")
    @Parameter(description = "Pool separately per value of this field; a study that does not record it goes to the "
            + "group 'unknown'. With none, all matching cohorts form one group named 'all'.", example = "disease",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "none", enumeration = {"none", "disease",
                    "target", "cellSource", "geneEditing", "phase", "sourceType"}))
    public String groupBy;

    GroupBy grouping() {
        return GroupBy.OPTION.parse(groupBy, GroupBy.NONE);
    }
}
