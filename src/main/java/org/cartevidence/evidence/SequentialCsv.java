package org.cartevidence.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A cumulative or leave-one-out analysis as RFC 4180 CSV: a header, then one row per step, numbers unrounded. */
final class SequentialCsv {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader("analysis", "measure", "groupBy", "group", "step", "cohortId", "studyKey", "cohortLabel",
                    "publicationYear", "events", "total", "k", "method", "estimate", "ciLower", "ciUpper", "piLower",
                    "piUpper", "tau2", "i2", "q", "qPValue", "model", "tau2Estimator", "transform", "ci", "level",
                    "note")
            .get();

    private SequentialCsv() {
    }

    static String write(SequentialResult result) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = FORMAT.print(out)) {
            for (SequentialResult.Group g : result.groups()) {
                int step = 1;
                for (SequentialResult.Step s : g.steps()) {
                    csv.printRecord(result.analysis(), result.measure(), result.groupBy(), g.group(), step++,
                            s.cohortId(), s.studyKey(), s.cohortLabel(), s.publicationYear(), s.events(), s.total(),
                            s.k(), s.method(), s.estimate(), s.ciLower(), s.ciUpper(), s.piLower(), s.piUpper(),
                            s.tau2(), s.i2(), s.q(), s.qPValue(), result.model(), result.tau2Estimator(),
                            result.transform(), result.ci(), result.level(), s.note());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // appending to a StringBuilder does not fail
        }
        return out.toString();
    }
}
