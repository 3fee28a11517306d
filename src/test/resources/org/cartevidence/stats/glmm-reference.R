# Reference values for GlmmMetaforTest: metafor's rma.glmm (measure "PLO", nAGQ = 7, lme4's glmer underneath).
# Run from this directory:  Rscript glmm-reference.R   (writes glmm-reference.json beside it).
# Needs R with metafor, lme4 and jsonlite (Debian: r-cran-metafor r-cran-lme4 r-cran-jsonlite). The JSON is
# committed because CI has no R; rerun only when the data sets or the packages change.
#
# glmer's default second-stage optimizer (Nelder-Mead, FtolAbs 1e-5) stops up to about 1e-5 short of the maximum;
# the reference is computed with bobyqa at the smallest rhoend it reaches (1e-12, else 1e-10, 1e-8: bobyqa can fail
# to reduce its model at the tightest, and where it fails at every one, glmer's defaults), closer to the maximum the
# Java code finds, and the largest deviation of the default settings from it is printed at the end.
#
# Where the model cannot be estimated (one cohort; every cohort at 0 events or at all events; rma.glmm fails) the
# service answers the pooled counts with the exact interval: binom.test on the summed counts is the reference there.
suppressMessages({ library(metafor); library(lme4); library(jsonlite) })

set.seed(20261203)
n60 <- sample(3:60, 60, replace = TRUE)
x60 <- rbinom(60, n60, plogis(rnorm(60, 0.8, 1)))
datasets <- list(
  list(name = "k1-partial",      xi = 3, ni = 7),
  list(name = "k1-all-events",   xi = 2, ni = 2),
  list(name = "k2-all-events",   xi = c(1, 1), ni = c(1, 1)),
  list(name = "all-zero",        xi = c(0, 0, 0), ni = c(5, 8, 3)),
  list(name = "k2",              xi = c(3, 7), ni = c(10, 12)),
  list(name = "k3-sparse",       xi = c(1, 2, 0), ni = c(1, 3, 2)),
  list(name = "sle-9",           xi = c(8, 1, 3, 5, 12, 12, 3, 1, 1), ni = c(8, 1, 3, 5, 15, 13, 4, 1, 4)),
  list(name = "heterogeneous",   xi = c(2, 15, 30, 5, 18, 9), ni = c(20, 20, 40, 50, 25, 30), levels = c(0.95, 0.90)),
  list(name = "zero-events",     xi = c(0, 0, 1, 0, 2), ni = c(14, 12, 15, 5, 13)),
  list(name = "some-all-events", xi = c(5, 10, 3, 8, 2), ni = c(5, 10, 3, 10, 6)),
  list(name = "large-n",         xi = c(30, 12, 4200, 7), ni = c(40, 15, 5000, 9)),
  list(name = "identical",       xi = rep(6, 4), ni = rep(20, 4)),
  list(name = "random-k60",      xi = x60, ni = n60)
)

# rma.glmm looks its arguments up in its caller's frame, so they are passed as plain values, not through `...`.
tightFit <- function(xi, ni, method, test, level) {
  for (rhoend in c(1e-12, 1e-10, 1e-8, NA)) {
    ctrl <- if (is.na(rhoend)) list()
            else list(glmerCtrl = list(optimizer = "bobyqa", optCtrl = list(rhoend = rhoend, maxfun = 1e6)))
    res <- tryCatch(rma.glmm(measure = "PLO", xi = xi, ni = ni, method = method, test = test, level = level,
                             nAGQ = 7, control = ctrl),
                    error = function(e) NULL)
    if (!is.null(res)) return(res)
  }
  NULL # e.g. glmer refuses cohorts that all have the same proportion ("Response is constant")
}
estimable <- function(d) length(d$xi) > 1 && sum(d$xi) > 0 && sum(d$xi) < sum(d$ni)

maxDefaultDeviation <- c(estimate = 0, tau2 = 0)
cases <- list()
for (d in datasets) {
  levels <- if (is.null(d$levels)) 0.95 else d$levels
  es <- escalc(measure = "PLO", xi = d$xi, ni = d$ni)
  for (level in levels) for (model in c("RANDOM", "FIXED")) for (ci in c("WALD", "T")) suppressWarnings({
    test <- if (ci == "WALD") "z" else "t"
    method <- if (model == "RANDOM") "ML" else "EE"
    base <- list(dataset = d$name, events = I(d$xi), totals = I(d$ni), level = level, model = model, ciMethod = ci)
    res <- if (estimable(d)) tightFit(d$xi, d$ni, method, test, 100 * level) else NULL
    if (is.null(res)) {
      bt <- binom.test(sum(d$xi), sum(d$ni), conf.level = level)
      cases[[length(cases) + 1]] <- c(base, list(method = "EXACT_BINOMIAL",
        estimate = sum(d$xi) / sum(d$ni), ciLower = bt$conf.int[1], ciUpper = bt$conf.int[2],
        weights = I(100 * d$ni / sum(d$ni))))
    } else {
    dflt <- rma.glmm(measure = "PLO", xi = d$xi, ni = d$ni, method = method, test = test, level = 100 * level,
                     nAGQ = 7)
    maxDefaultDeviation["estimate"] <- max(maxDefaultDeviation["estimate"], abs(plogis(c(dflt$beta)) - plogis(c(res$beta))))
    maxDefaultDeviation["tau2"] <- max(maxDefaultDeviation["tau2"], abs(dflt$tau2 - res$tau2) / max(res$tau2, 1e-3))
    p <- predict(res)
    w <- 1 / (es$vi + res$tau2)
    cases[[length(cases) + 1]] <- c(base, list(method = "GLMM",
      mu = c(res$beta), se = res$se, tau2 = res$tau2,
      q = res$QE.Wld, qPValue = res$QEp.Wld, qLrt = res$QE.LRT, qLrtPValue = res$QEp.LRT,
      i2 = res$I2, h2 = res$H2,
      estimate = plogis(p$pred), ciLower = plogis(p$ci.lb), ciUpper = plogis(p$ci.ub),
      # predict() gives no prediction interval for the common-effect model: it is the CI there.
      piLower = plogis(if (is.null(p$pi.lb)) p$ci.lb else p$pi.lb),
      piUpper = plogis(if (is.null(p$pi.ub)) p$ci.ub else p$pi.ub),
      # rma.glmm has no weights(); the service shows each cohort's inverse-variance share at the model's tau2.
      weights = I(100 * w / sum(w))))
    }
  })
}

out <- list(r = R.version.string, metafor = as.character(packageVersion("metafor")),
            lme4 = as.character(packageVersion("lme4")), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "glmm-reference.json")
message(length(cases), " cases written; largest deviation of glmer's default optimizer from the reference: ",
        "estimate ", signif(maxDefaultDeviation["estimate"], 3), " (proportion scale), tau2 ",
        signif(maxDefaultDeviation["tau2"], 3), " (relative, absolute below 1e-3)")
