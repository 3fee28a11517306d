package org.cartevidence.evidence;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.Map;
import org.cartevidence.stats.ProportionInterval;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of the pooled estimates and of the forest plot: the grouped ones, the cohort lists and intervals. */
public class PooledQuery extends GroupedQuery {

    static final QueryOption<ProportionInterval> COHORT_CI = new QueryOption<>("cohortCi",
            Map.of("wilson", ProportionInterval.WILSON, "exact", ProportionInterval.CLOPPER_PEARSON));

    @QueryParam("cohortCi")
    @Parameter(description = "Interval shown for each cohort's own proportion: Wilson score or exact "
            + "(Clopper-Pearson).", example = "wilson", schema = @Schema(type = SchemaType.STRING,
                    defaultValue = "wilson", enumeration = {"wilson", "exact"}))
    public String cohortCi;

    @QueryParam("cohorts")
    @DefaultValue("true")
    @Parameter(description = "List each group's pooled cohorts (default; refused with 400 beyond 20,000 cohorts). "
            + "false leaves the lists out: the pooled numbers only, a small answer however many cohorts were pooled.",
            example = "false")
    public boolean cohorts;

    @Override
    ProportionInterval cohortInterval(ProportionInterval fallback) {
        return COHORT_CI.parse(cohortCi, fallback);
    }
}
