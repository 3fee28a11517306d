package org.cartevidence.stats;

/** The logistic function and its logs, computed without overflow for any linear predictor. */
final class Logit {

    private Logit() {
    }

    /** expit(eta) = 1 / (1 + e^-eta). */
    static double inverse(double eta) {
        return eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta));
    }

    /** log expit(eta). */
    static double logP(double eta) {
        return eta >= 0 ? -Math.log1p(Math.exp(-eta)) : eta - Math.log1p(Math.exp(eta));
    }

    /** log (1 - expit(eta)). */
    static double log1mP(double eta) {
        return logP(-eta);
    }
}
