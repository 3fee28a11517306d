package org.cartevidence.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PooledRowTest {

    @Test
    void studyNameIsFirstAuthorAndYearWhereTheCitationStartsWithAuthors() {
        assertEquals("Feng 2025", row(1, 1, null, "Feng J, Huo D, Hong R, et al. Co-infusion ...", "A title").studyName());
        assertEquals("Mougiakakos 2025", row(1, 1, null, "Mougiakakos D, et al. CD19-targeted ...", "T").studyName());
        assertEquals("Mueller 2025", row(1, 1, null, "Mueller et al. (Neurath MF, senior) CD19 ...", "T").studyName());
    }

    @Test
    void studyNameIsTheShortenedTitleOtherwise() {
        assertEquals("RESET-SLE phase 1/2 of… 2025", row(1, 1, null, "Cabaletta Bio RESET-SLE phase 1/2 ...",
                "RESET-SLE phase 1/2 of rese-cel (CABA-201) in non-renal SLE and lupus nephritis").studyName());
        assertEquals("Safety and efficacy 2025", row(1, 1, null, "Safety, tolerability ...", "Safety and efficacy")
                .studyName());
        assertEquals("Short title 2025", row(1, 1, null, null, "Short title").studyName());
    }

    @Test
    void latestOutcomePerCohortCountsAnUnknownTimeAsEarliestAndBreaksTiesById() {
        List<PooledRow> latest = new ArrayList<>();
        PooledRows.LatestPerCohort perCohort = new PooledRows.LatestPerCohort(latest::add);
        List.of(row(1, 10, 6.0, null, "T"), row(1, 11, null, null, "T"), row(1, 12, 6.0, null, "T"),
                row(1, 13, 3.0, null, "T"),
                row(2, 20, null, null, "T"), row(2, 21, 1.0, null, "T"),
                row(3, 30, null, null, "T"), row(3, 31, null, null, "T")).forEach(perCohort);
        perCohort.finish();
        assertEquals(List.of(12L, 21L, 31L), latest.stream().map(PooledRow::outcomeId).toList());
    }

    private static PooledRow row(long cohortId, long outcomeId, Double timepointMonths, String citation, String title) {
        return new PooledRow(outcomeId, 1, 2, timepointMonths, cohortId, "SLE", null, 2, 1, "key", title, citation,
                2025, null, null, null, null, null);
    }
}
