package org.cartevidence.evidence;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cartevidence.api.Labels;

/** The field whose values split the cohorts into separately pooled groups. */
enum GroupBy {
    NONE("none", "All", row -> null),
    DISEASE("disease", "Disease", PooledRow::disease),
    TARGET("target", "Target", PooledRow::target),
    CELL_SOURCE("cellSource", "Cell source", PooledRow::cellSource),
    GENE_EDITING("geneEditing", "Gene editing", PooledRow::geneEditing),
    PHASE("phase", "Phase", PooledRow::phase),
    SOURCE_TYPE("sourceType", "Source type", PooledRow::sourceType);

    static final String UNKNOWN = "unknown";

    static final QueryOption<GroupBy> OPTION = new QueryOption<>("groupBy",
            Arrays.stream(values()).collect(Collectors.toMap(g -> g.parameterValue, g -> g)));

    /** The name the groupBy parameter takes and answers echo. */
    final String parameterValue;
    /** How the plot heads a group. */
    final String label;
    private final Function<PooledRow, Object> field;

    GroupBy(String parameterValue, String label, Function<PooledRow, Object> field) {
        this.parameterValue = parameterValue;
        this.label = label;
        this.field = field;
    }

    /** The group of a row: its field's value, or "unknown" where the study does not record it. */
    String groupOf(PooledRow row) {
        if (this == NONE) {
            return "all";
        }
        Object value = field.apply(row);
        return value == null ? UNKNOWN : value.toString();
    }

    /** The field's value in a row: an enum constant, or null where the study does not record it. */
    Enum<?> value(PooledRow row) {
        return (Enum<?>) field.apply(row);
    }

    /** The group of a row as a reader names it ("Donor cells (allogeneic)"). */
    String labelOf(PooledRow row) {
        Object value = field.apply(row);
        if (this == NONE) {
            return "All cohorts";
        }
        return value == null ? "Not recorded" : Labels.of((Enum<?>) value);
    }
}
