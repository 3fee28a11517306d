package org.cartevidence.stats;

import java.util.List;

/**
 * Result of pooling one group of cohorts, agreeing with R's metafor ({@code rma}, {@code predict},
 * {@code weights}).
 *
 * @param k         number of cohorts
 * @param events    sum of events
 * @param total     sum of patients
 * @param estimate  pooled proportion (back-transformed)
 * @param ciLower   lower confidence bound of the pooled proportion
 * @param ciUpper   upper confidence bound
 * @param piLower   lower prediction bound (equal to the CI for the fixed-effect model)
 * @param piUpper   upper prediction bound
 * @param mu        pooled effect on the transformed scale
 * @param se        its standard error (Hartung-Knapp adjusted where that method is used)
 * @param tau2      between-cohort variance on the transformed scale (0 for the fixed-effect model)
 * @param q         Cochran's Q (fixed-effect weights, whatever the model)
 * @param qPValue   p-value of Q against chi-squared with k - 1 df (1 for k = 1)
 * @param i2        I² in percent, as metafor prints it for the model
 * @param h2        H², as metafor prints it for the model
 * @param cohorts   the cohorts in input order
 * @param settings  the settings used
 */
public record PooledEstimate(int k, int events, int total,
                             double estimate, double ciLower, double ciUpper, double piLower, double piUpper,
                             double mu, double se, double tau2,
                             double q, double qPValue, double i2, double h2,
                             List<CohortEstimate> cohorts, PoolingSettings settings) {

    public PooledEstimate {
        cohorts = List.copyOf(cohorts);
    }
}
