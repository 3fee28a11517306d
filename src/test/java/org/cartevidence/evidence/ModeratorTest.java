package org.cartevidence.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeratorTest {

    /** The contract's list of moderators is the one the service parses. */
    @Test
    void theContractNamesEveryModeratorAndNoOther() {
        List<String> documented;
        try {
            documented = List.of(RegressionQuery.class.getField("moderators")
                    .getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class).schema()
                    .enumeration());
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
        assertEquals(Arrays.stream(Moderator.values()).map(m -> m.parameterValue).toList(), documented);
    }

    @Test
    void aFactorsReferenceIsItsMostFrequentLevelTiesGoingToTheFirstInEnumOrder() {
        List<PooledRow> rows = List.of(row(org.cartevidence.study.CellSource.ALLOGENEIC),
                row(org.cartevidence.study.CellSource.AUTOLOGOUS), row(null));
        assertEquals(List.of("AUTOLOGOUS", "ALLOGENEIC", GroupBy.UNKNOWN),
                RegressionAnalysis.levels(rows, GroupBy.CELL_SOURCE), "a tie: AUTOLOGOUS is first in the enum");
        List<PooledRow> more = List.of(row(org.cartevidence.study.CellSource.ALLOGENEIC),
                row(org.cartevidence.study.CellSource.ALLOGENEIC), row(org.cartevidence.study.CellSource.AUTOLOGOUS));
        assertEquals(List.of("ALLOGENEIC", "AUTOLOGOUS"), RegressionAnalysis.levels(more, GroupBy.CELL_SOURCE));
    }

    private static PooledRow row(org.cartevidence.study.CellSource source) {
        return new PooledRow(1, 1, 2, null, 1, "c", null, 2, 1, "key", "title", null, 2024, null, source, null, null,
                null);
    }
}
