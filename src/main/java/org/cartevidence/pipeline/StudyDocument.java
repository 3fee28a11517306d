package org.cartevidence.pipeline;

import java.util.List;
import org.cartevidence.cohort.CohortInput;
import org.cartevidence.outcome.Measure;
import org.cartevidence.outcome.OutcomeInput;
import org.cartevidence.study.StudyInput;

/**
 * One study with its cohorts and their outcomes: the unit of import and export. Nothing in it depends on the ids of
 * a database, so a document moves between instances: cohorts are matched by label within their study, outcomes by
 * (measure, definition, time point) within their cohort, and a later report is named by study key and label.
 *
 * @param line where the document was read, from 1 (the NDJSON line or the position in a JSON array)
 */
record StudyDocument(int line, StudyInput study, List<CohortDocument> cohorts) {

    /** A cohort; its {@code supersededBy} id is left empty, the link travels as {@link #laterReport}. */
    record CohortDocument(CohortInput cohort, CohortRef laterReport, List<OutcomeInput> outcomes) {
    }

    /** A cohort named independently of any database: its study's key and its label. */
    record CohortRef(String studyKey, String label) {
    }

    /**
     * What identifies an outcome within its cohort (see {@link org.cartevidence.outcome.OutcomeRules#keyUnique}). A
     * time point of -0.0 months is the one of 0: the CRUD API's check compares in the database, where they are equal,
     * and the export writes both as 0.
     */
    record OutcomeKey(Measure measure, String definition, Double timepointMonths) {

        static OutcomeKey of(OutcomeInput o) {
            return of(o.measure(), o.definition(), o.timepointMonths());
        }

        static OutcomeKey of(Measure measure, String definition, Double timepointMonths) {
            Double months = timepointMonths == null ? null : timepointMonths + 0.0; // -0.0 + 0.0 is 0.0
            return new OutcomeKey(measure, definition, months);
        }
    }
}
