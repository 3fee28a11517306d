package org.cartevidence.stats;

/**
 * The 7-point Gauss-Hermite rule for the standard normal density, as lme4's {@code GHrule(7)} gives it:
 * sum of w_j f(z_j) equals the expectation of f(Z), Z ~ N(0, 1), exactly for polynomials up to degree 13.
 */
final class GaussHermite {

    /** Nodes, symmetric about 0 (lme4 prints the middle one as 1.7e-17). */
    static final double[] NODES = {-3.7504397177257438, -2.3667594107345415, -1.1544053947399682, 0,
        1.1544053947399682, 2.3667594107345415, 3.7504397177257438};
    /** Weights, adding up to 1 (48/105 in the middle). */
    static final double[] WEIGHTS = {5.4826885597221786e-4, 0.030757123967586497, 0.24012317860501272,
        0.45714285714285713, 0.24012317860501272, 0.030757123967586497, 5.4826885597221786e-4};
    /** log φ(z_j): the rule's nodes are drawn from N(0, 1), so the integrand is divided by it. */
    static final double[] LOG_DENSITY = new double[NODES.length];

    static {
        for (int j = 0; j < NODES.length; j++) {
            LOG_DENSITY[j] = logStandardNormal(NODES[j]);
        }
    }

    private GaussHermite() {
    }

    static double logStandardNormal(double z) {
        return -0.5 * z * z - 0.5 * Math.log(2 * Math.PI);
    }
}
