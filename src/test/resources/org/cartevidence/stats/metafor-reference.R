# Reference values for MetaAnalysisMetaforTest, computed with R's metafor (3.8).
# Run from this directory:  Rscript metafor-reference.R   (writes metafor-reference.json beside it).
# The JSON is committed because CI has no R; rerun only when datasets or metafor change.
#
# metafor stops REML's Fisher scoring when tau2 changes by < 1e-5 and PM's uniroot at tol = 1.2e-4, so its
# default output carries that much convergence error; the reference is computed with tight stopping rules
# (what the Java code does) and the largest deviation of metafor's defaults from it is printed at the end.
suppressMessages({ library(metafor); library(jsonlite) })

set.seed(20240613)
n60 <- sample(5:80, 60, replace = TRUE)
x60 <- rbinom(60, n60, plogis(rnorm(60, 0.3, 0.8)))
datasets <- list(
  list(name = "k1-all-events",  xi = 8, ni = 8),
  list(name = "k1-partial",     xi = 3, ni = 7),
  list(name = "k2",             xi = c(3, 7), ni = c(10, 12)),
  list(name = "sle-9",          xi = c(8, 1, 3, 5, 12, 12, 3, 1, 1), ni = c(8, 1, 3, 5, 15, 13, 4, 1, 4)),
  list(name = "heterogeneous",  xi = c(2, 15, 30, 5, 18, 9), ni = c(20, 20, 40, 50, 25, 30), levels = c(0.95, 0.90)),
  list(name = "zero-events",    xi = c(0, 0, 1, 0, 2), ni = c(14, 12, 15, 5, 13)),
  list(name = "all-events",     xi = c(5, 10, 3, 8), ni = c(5, 10, 3, 8)),
  list(name = "identical",      xi = rep(6, 4), ni = rep(20, 4)),
  list(name = "identical-1-of-1", xi = c(1, 1), ni = c(1, 1)),
  list(name = "random-k60",     xi = x60, ni = n60),
  # REML's Fisher scoring oscillates on these (logit and raw scale respectively) and needs shorter steps.
  list(name = "reml-oscillates", xi = c(3, 0, 0, 0, 0, 0, 0), ni = c(6, 3, 6, 1, 6, 1, 1)),
  list(name = "reml-oscillates-raw", xi = c(1, 3, 1, 0, 0, 0, 2, 0, 4, 0, 0, 0, 0, 0, 0, 2),
       ni = c(5, 56, 10, 10, 5, 3, 32, 10, 23, 6, 10, 4, 4, 33, 1, 42))
)

transforms <- list(
  LOGIT   = list(measure = "PLO", back = function(y, ni) transf.ilogit(y)),
  ARCSINE = list(measure = "PFT", back = function(y, ni) transf.ipft.hm(y, targs = list(ni = ni))),
  RAW     = list(measure = "PR",  back = function(y, ni) y)
)
methods <- c(FIXED = "FE", DL = "DL", REML = "REML", PM = "PM")
# CiMethod -> rma's test; Hartung-Knapp and its ad hoc form only with random effects.
tests <- c(WALD = "z", HARTUNG_KNAPP = "knha", ADHOC = "adhoc", T = "t")
# Tight stopping rules: REML's Fisher scoring (threshold) and PM's uniroot (tol) only; tol also sets REML's
# local-maximum check, which keeps metafor's default.
tight <- function(method) if (method == "PM") list(tol = 1e-12) else list(threshold = 1e-12)

fit <- function(es, method, test, level, control) {
  # metafor has no knha, adhoc or t interval for k = 1 (t with 0 df); the Java code falls back to Wald there.
  if (nrow(es) == 1) test <- "z"
  # Where Fisher scoring oscillates, metafor stops with an error and suggests shorter steps (stepadj);
  # the Java code takes that remedy itself, halving the step factor down to 1/64.
  for (stepadj in 2^-(0:6)) {
    res <- tryCatch(rma(yi, vi, data = es, method = method, test = test, level = 100 * level,
                        control = c(control, list(stepadj = stepadj))),
                    error = function(e) if (grepl("did not converge", conditionMessage(e))) NULL else stop(e))
    if (!is.null(res)) return(res)
  }
  stop("Fisher scoring did not converge")
}

maxDefaultDeviation <- c(DL = 0, REML = 0, PM = 0)
cases <- list()
for (d in datasets) {
  levels <- if (is.null(d$levels)) 0.95 else d$levels
  for (level in levels) suppressWarnings({
    # binom-free Wilson: the score interval is prop.test's without continuity correction.
    wilson <- t(sapply(seq_along(d$xi), function(i) prop.test(d$xi[i], d$ni[i], conf.level = level, correct = FALSE)$conf.int))
    clopper <- t(sapply(seq_along(d$xi), function(i) binom.test(d$xi[i], d$ni[i], conf.level = level)$conf.int))
    for (tn in names(transforms)) {
      tr <- transforms[[tn]]
      es <- escalc(measure = tr$measure, xi = d$xi, ni = d$ni)
      for (mn in names(methods)) {
        for (ci in names(tests)) {
          if (mn == "FIXED" && ci %in% c("HARTUNG_KNAPP", "ADHOC")) next
          test <- tests[[ci]]
          res <- fit(es, methods[[mn]], test, level, tight(methods[[mn]]))
          # Where the cohorts agree exactly, knha leaves no residual variance and a zero-width interval; the
          # Java code then takes the ad hoc correction instead and says so in its note.
          zeroWidthCorrected <- test == "knha" && res$ci.lb == res$ci.ub
          if (zeroWidthCorrected) {
            test <- "adhoc"
            res <- fit(es, methods[[mn]], test, level, tight(methods[[mn]]))
          }
          p <- predict(res)
          back <- function(y) tr$back(y, d$ni)
          dflt <- fit(es, methods[[mn]], test, level, list())
          if (mn != "FIXED") maxDefaultDeviation[mn] <- max(maxDefaultDeviation[mn], abs(dflt$tau2 - res$tau2), abs(c(dflt$beta) - c(res$beta)))
          cases[[length(cases) + 1]] <- list(
            dataset = d$name, events = I(d$xi), totals = I(d$ni), level = level,
            transform = tn, model = if (mn == "FIXED") "FIXED" else "RANDOM",
            tau2Estimator = if (mn == "FIXED") NA else mn, ciMethod = ci, zeroWidthCorrected = zeroWidthCorrected,
            yi = I(c(es$yi)), vi = I(c(es$vi)), weights = I(unname(weights(res))),
            wilsonLower = I(wilson[, 1]), wilsonUpper = I(wilson[, 2]),
            clopperPearsonLower = I(clopper[, 1]), clopperPearsonUpper = I(clopper[, 2]),
            mu = c(res$beta), se = res$se, tau2 = res$tau2, q = res$QE, qPValue = res$QEp,
            i2 = res$I2, h2 = res$H2,
            estimate = back(p$pred), ciLower = back(p$ci.lb), ciUpper = back(p$ci.ub),
            # predict() gives no prediction interval for a fixed-effect model: it is the CI there.
            piLower = back(if (is.null(p$pi.lb)) p$ci.lb else p$pi.lb),
            piUpper = back(if (is.null(p$pi.ub)) p$ci.ub else p$pi.ub))
        }
      }
    }
  })
}

out <- list(r = R.version.string, metafor = as.character(packageVersion("metafor")), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "metafor-reference.json")
message(length(cases), " cases written; largest deviation of metafor's default stopping rules (tau2, mu): ",
        paste(names(maxDefaultDeviation), signif(maxDefaultDeviation, 3), collapse = ", "))
