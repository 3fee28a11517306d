package org.cartevidence.evidence;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A field a meta-regression can take as moderator: the categorical fields groupBy takes, which enter as factors, and
 * the numeric publication year and patients enrolled, which enter as they are.
 */
enum Moderator {
    DISEASE(GroupBy.DISEASE),
    TARGET(GroupBy.TARGET),
    CELL_SOURCE(GroupBy.CELL_SOURCE),
    GENE_EDITING(GroupBy.GENE_EDITING),
    PHASE(GroupBy.PHASE),
    SOURCE_TYPE(GroupBy.SOURCE_TYPE),
    PUBLICATION_YEAR("publicationYear", row -> row.publicationYear() == null ? null : row.publicationYear()
            .doubleValue()),
    ENROLLED("enrolled", row -> (double) row.enrolled());

    static final QueryOption<Moderator> OPTION = new QueryOption<>("moderators",
            Arrays.stream(values()).collect(Collectors.toMap(m -> m.parameterValue, m -> m)));

    final String parameterValue;
    /** The factor's field, or null for a numeric moderator. */
    final GroupBy factor;
    /** A numeric moderator's value, null where the study does not record it. */
    final Function<PooledRow, Double> value;

    Moderator(GroupBy factor) {
        this.parameterValue = factor.parameterValue;
        this.factor = factor;
        this.value = null;
    }

    Moderator(String parameterValue, Function<PooledRow, Double> value) {
        this.parameterValue = parameterValue;
        this.factor = null;
        this.value = value;
    }
}
