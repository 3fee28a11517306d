package org.cartevidence.evidence;

import org.cartevidence.stats.PoolingMethod;
import org.cartevidence.stats.PoolingModel;
import org.cartevidence.stats.PoolingSettings;

/** The pooling options as every evidence answer echoes them: the parameters' names, ML as the GLMM's tau². */
record EchoedOptions(String method, String model, String tau2Estimator, String transform, String ci) {

    static EchoedOptions of(PoolingSettings settings) {
        boolean random = settings.model() == PoolingModel.RANDOM;
        boolean glmm = settings.method() == PoolingMethod.GLMM;
        return new EchoedOptions(EvidenceQuery.METHOD.nameOf(settings.method()),
                EvidenceQuery.MODEL.nameOf(settings.model()),
                !random ? null : glmm ? "ML" : EvidenceQuery.TAU2.nameOf(settings.tau2Estimator()),
                EvidenceQuery.TRANSFORM.nameOf(settings.transform()), EvidenceQuery.CI.nameOf(settings.ciMethod()));
    }
}
