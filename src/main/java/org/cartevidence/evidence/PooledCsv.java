package org.cartevidence.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The pooled estimates as RFC 4180 CSV for pipelines: a header, then one row per group, numbers unrounded; a value a
 * method does not give is empty. The test for subgroup differences, one per answer, repeats on every row.
 */
final class PooledCsv {

    static final String MEDIA_TYPE = "text/csv";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader("measure", "groupBy", "group", "label", "method", "k", "events", "total", "estimate",
                    "ciLower", "ciUpper", "piLower", "piUpper", "mu", "se", "tau2", "i2", "h2", "q", "qPValue", "qLrt",
                    "qLrtPValue", "model", "tau2Estimator", "transform", "ci", "level", "note", "subgroupQ",
                    "subgroupDf", "subgroupDf2", "subgroupP", "subgroupNote")
            .get();

    private PooledCsv() {
    }

    /** Doubles print with Double.toString, the shortest text that reads back as the same number. */
    static String write(PooledResult result) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter csv = FORMAT.print(out)) {
            SubgroupDifferences test = result.subgroupDifferences();
            for (PooledResult.Group g : result.groups()) {
                csv.printRecord(result.measure(), result.groupBy(), g.group(), g.label(), g.method(), g.k(),
                        g.events(), g.total(), g.estimate(), g.ciLower(), g.ciUpper(), g.piLower(), g.piUpper(),
                        g.mu(), g.se(), g.tau2(), g.i2(), g.h2(), g.q(), g.qPValue(), g.qLrt(), g.qLrtPValue(),
                        result.model(), result.tau2Estimator(), result.transform(), result.ci(), result.level(),
                        g.note(), test == null ? null : test.q(), test == null ? null : test.df(),
                        test == null ? null : test.df2(), test == null ? null : test.p(),
                        test == null ? null : test.note());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // appending to a StringBuilder does not fail
        }
        return out.toString();
    }
}
