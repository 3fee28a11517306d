package org.cartevidence.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cartevidence.cohort.Disease;
import org.cartevidence.study.CellSource;
import org.cartevidence.study.GeneEditing;
import org.cartevidence.study.Phase;
import org.cartevidence.study.SourceType;
import org.cartevidence.study.Target;

/**
 * One outcome count to pool, with the cohort and study fields it is grouped, labelled and ordered by: a row of the
 * projection query, never an entity.
 */
public record PooledRow(long outcomeId, int events, int total, Double timepointMonths,
                        long cohortId, String label, Disease disease, int enrolled,
                        long studyId, String studyKey, String studyTitle, String citation, Integer publicationYear,
                        Target target, CellSource cellSource, GeneEditing geneEditing, Phase phase,
                        SourceType sourceType) {

    /** "Feng J, Huo D, ..." or "Mueller et al. ...": a citation that starts with its first author's surname. */
    private static final Pattern FIRST_AUTHOR =
            Pattern.compile("^(\\p{Lu}[\\p{L}'’-]+)(?: \\p{Lu}{1,3},| \\p{Lu}{1,3} et al| et al)");
    private static final int SHORT_TITLE = 28;

    /**
     * The study as a reader names it: first author and year where the citation starts with the authors
     * ("Feng 2025"), else the title cut at a word to fit a plot column, with the year.
     */
    String studyName() {
        Matcher author = citation == null ? null : FIRST_AUTHOR.matcher(citation);
        String name = author != null && author.find() ? author.group(1) : shorten(studyTitle);
        return publicationYear == null ? name : name + " " + publicationYear;
    }

    private static String shorten(String title) {
        if (title.length() <= SHORT_TITLE) {
            return title;
        }
        int cut = title.lastIndexOf(' ', SHORT_TITLE);
        return title.substring(0, cut > 0 ? cut : SHORT_TITLE).replaceAll("[\\s,;:(-]+$", "") + "…";
    }
}
