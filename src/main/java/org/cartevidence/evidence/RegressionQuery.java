package org.cartevidence.evidence;

import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.cartevidence.api.ApiException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of the meta-regression: the shared ones and the moderators. */
public class RegressionQuery extends EvidenceQuery {

    @QueryParam("moderators")
    @Parameter(required = true, description = "The moderators, repeated or comma-separated: the categorical fields "
            + "disease, target, cellSource, geneEditing, phase and sourceType enter as factors (treatment coding "
            + "against their most frequent value, ties going to the first in the enum's order; a study that does not "
            + "record one is the level 'unknown'); publicationYear and enrolled (a cohort's patients) enter as they "
            + "are, and cohorts without a publication year are left out.",
            example = "[\"cellSource\", \"publicationYear\"]", schema = @Schema(type = SchemaType.ARRAY,
                    implementation = String.class, enumeration = {"disease", "target", "cellSource", "geneEditing",
                        "phase", "sourceType", "publicationYear", "enrolled"}))
    public List<String> moderators;

    /** The moderators asked for, in order; a 400 naming the parameter when none, an unknown or a repeated one. */
    List<Moderator> moderatorList() {
        List<Moderator> parsed = new ArrayList<>();
        for (String entry : moderators == null ? List.<String>of() : moderators) {
            for (String name : entry.split(",")) {
                Moderator moderator = Moderator.OPTION.parse(name, null);
                if (parsed.contains(moderator)) {
                    throw ApiException.badParameter("moderators", moderator.parameterValue + " is given twice");
                }
                parsed.add(moderator);
            }
        }
        if (parsed.isEmpty()) {
            throw ApiException.badParameter("moderators", "is required: name at least one moderator");
        }
        return parsed;
    }
}
