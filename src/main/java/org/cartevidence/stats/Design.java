package org.cartevidence.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ejml.data.DMatrixRMaj;

/**
 * Design matrix of a meta-regression: one row per cohort, one named column per coefficient, the first column the
 * intercept. Whether the columns can be estimated from the cohorts is {@link MetaRegression}'s check, not this one.
 *
 * @param names column names, unique; they name the coefficients and the column an
 *              {@link UnidentifiableModelException} refuses
 * @param rows  k rows of p finite values each, the first value of every row 1
 */
public record Design(List<String> names, double[][] rows) {

    /** Name of the intercept column in designs built here. */
    public static final String INTERCEPT = "intercept";

    public Design {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least the intercept column");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("column names must be unique, got " + names);
        }
        if (rows.length == 0) {
            throw new IllegalArgumentException("a design needs at least one row");
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != names.size()) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values for "
                        + names.size() + " columns");
            }
            if (rows[i][0] != 1) {
                throw new IllegalArgumentException("the first column is the intercept, but row " + i + " has "
                        + rows[i][0]);
            }
            for (double value : rows[i]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("row " + i + " has a value that is not finite: " + value);
                }
            }
            copy[i] = rows[i].clone();
        }
        rows = copy;
    }

    /** A copy of the rows. */
    @Override
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** Equal names and equal values. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Design d && names.equals(d.names) && Arrays.deepEquals(rows, d.rows);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + Arrays.deepHashCode(rows);
    }

    @Override
    public String toString() {
        return "Design[names=" + names + ", k=" + rows.length + "]";
    }

    /** Number of rows (cohorts). */
    public int k() {
        return rows.length;
    }

    /** Number of columns (coefficients). */
    public int p() {
        return names.size();
    }

    /** The model without moderators: the intercept alone, for k cohorts. */
    public static Design interceptOnly(int k) {
        return builder(k).build();
    }

    /** A design for k cohorts, built column by column after the intercept. */
    public static Builder builder(int k) {
        return new Builder(k);
    }

    DMatrixRMaj matrix() {
        return new DMatrixRMaj(rows);
    }

    /** Adds moderator columns to the intercept, in the order of the calls. */
    public static final class Builder {

        private final int k;
        private final List<String> names = new ArrayList<>();
        private final List<double[]> columns = new ArrayList<>();

        private Builder(int k) {
            if (k < 1) {
                throw new IllegalArgumentException("a design needs at least one cohort, got k = " + k);
            }
            this.k = k;
            double[] ones = new double[k];
            Arrays.fill(ones, 1);
            add(INTERCEPT, ones);
        }

        /**
         * A categorical moderator in treatment coding, as R's {@code factor} with the default contrasts: one 0/1
         * column named {@code name=level} for every level but the reference, which the intercept stands for.
         * A level no cohort has yields a column of 0s, which {@link MetaRegression} refuses by name.
         *
         * @param values the level of each cohort
         * @param levels every level, the reference first; each value must be one of them
         */
        public Builder factor(String name, List<String> values, List<String> levels) {
            Objects.requireNonNull(name, "name");
            requireLength(values.size());
            Set<String> known = new LinkedHashSet<>(levels);
            if (known.size() != levels.size() || known.isEmpty()) {
                throw new IllegalArgumentException("levels of " + name + " must be unique and not empty: " + levels);
            }
            for (String value : values) {
                if (!known.contains(value)) {
                    throw new IllegalArgumentException(name + " has the value " + value + ", not among its levels "
                            + levels);
                }
            }
            for (String level : levels.subList(1, levels.size())) {
                double[] column = new double[k];
                for (int i = 0; i < k; i++) {
                    column[i] = values.get(i).equals(level) ? 1 : 0;
                }
                add(name + "=" + level, column);
            }
            return this;
        }

        /** A numeric moderator, entered as it is (not centred: the intercept is then the effect at 0). */
        public Builder numeric(String name, double[] values) {
            Objects.requireNonNull(name, "name");
            requireLength(values.length);
            add(name, values.clone());
            return this;
        }

        public Design build() {
            double[][] rows = new double[k][names.size()];
            for (int j = 0; j < columns.size(); j++) {
                for (int i = 0; i < k; i++) {
                    rows[i][j] = columns.get(j)[i];
                }
            }
            return new Design(names, rows);
        }

        private void add(String name, double[] column) {
            names.add(name);
            columns.add(column);
        }

        private void requireLength(int length) {
            if (length != k) {
                throw new IllegalArgumentException("a moderator needs one value per cohort: " + length + " for k = "
                        + k);
            }
        }
    }
}
