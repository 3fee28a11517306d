# Reference values for SequentialAnalysisTest: cumulative and leave-one-out meta-analyses as metafor's cumul() and
# leave1out() give them (inverse variance), and the same steps by rma.glmm (GLMM), whose fits metafor 3.8 does not
# repeat by itself.
# Run from this directory:  Rscript sequential-reference.R   (writes sequential-reference.json beside it).
# Needs R with metafor, lme4 and jsonlite; the JSON is committed because CI has no R.
#
# Each step is refitted here, as the Java code does, so that it also has its prediction interval; the script stops
# if a refit differs from what cumul() or leave1out() print (estimate, interval, tau2, Q). A step of one cohort is a
# Wald interval under inverse variance (metafor has no t with 0 df), and under the GLMM the exact binomial interval
# of the service's fallback, as in glmm-reference.R; so is a GLMM step rma.glmm cannot fit.
suppressMessages({ library(metafor); library(lme4); library(jsonlite) })

set.seed(20261205)
n20 <- sample(3:40, 20, replace = TRUE)
x20 <- rbinom(20, n20, plogis(rnorm(20, 1, 0.9)))
datasets <- list(
  list(name = "sle-9",         xi = c(8, 1, 3, 5, 12, 12, 3, 1, 1), ni = c(8, 1, 3, 5, 15, 13, 4, 1, 4)),
  list(name = "heterogeneous", xi = c(2, 15, 30, 5, 18, 9), ni = c(20, 20, 40, 50, 25, 30)),
  list(name = "zero-events",   xi = c(0, 0, 1, 0, 2), ni = c(14, 12, 15, 5, 13)),
  list(name = "random-k20",    xi = x20, ni = n20)
)
ivSettings <- list(
  list(model = "RANDOM", tau2Estimator = "REML", ciMethod = "HARTUNG_KNAPP", method = "REML", test = "knha"),
  list(model = "RANDOM", tau2Estimator = "DL",   ciMethod = "WALD",          method = "DL",   test = "z"),
  list(model = "FIXED",  tau2Estimator = NA,     ciMethod = "WALD",          method = "FE",   test = "z")
)
glmmSettings <- list(
  list(model = "RANDOM", ciMethod = "WALD", method = "ML", test = "z"),
  list(model = "FIXED",  ciMethod = "T",    method = "EE", test = "t")
)

ivStep <- function(xi, ni, s) {
  es <- escalc(measure = "PLO", xi = xi, ni = ni)
  test <- if (length(xi) == 1) "z" else s$test
  res <- rma(yi, vi, data = es, method = s$method, test = test,
             control = if (s$method == "REML") list(threshold = 1e-12) else list())
  p <- predict(res)
  list(res = res, step = list(k = length(xi), method = "INVERSE_VARIANCE",
       estimate = plogis(p$pred), ciLower = plogis(p$ci.lb), ciUpper = plogis(p$ci.ub),
       piLower = plogis(if (is.null(p$pi.lb)) p$ci.lb else p$pi.lb),
       piUpper = plogis(if (is.null(p$pi.ub)) p$ci.ub else p$pi.ub),
       tau2 = res$tau2, q = res$QE))
}

glmmStep <- function(xi, ni, s) {
  res <- NULL
  if (length(xi) > 1 && sum(xi) > 0 && sum(xi) < sum(ni)) {
    for (rhoend in c(1e-12, 1e-10, 1e-8, NA)) {
      ctrl <- if (is.na(rhoend)) list()
              else list(glmerCtrl = list(optimizer = "bobyqa", optCtrl = list(rhoend = rhoend, maxfun = 1e6)))
      res <- tryCatch(rma.glmm(measure = "PLO", xi = xi, ni = ni, method = s$method, test = s$test, nAGQ = 7,
                               control = ctrl), error = function(e) NULL)
      if (!is.null(res)) break
    }
  }
  if (is.null(res)) {
    bt <- binom.test(sum(xi), sum(ni))
    return(list(k = length(xi), method = "EXACT_BINOMIAL", estimate = sum(xi) / sum(ni),
                ciLower = bt$conf.int[1], ciUpper = bt$conf.int[2]))
  }
  p <- predict(res)
  list(k = length(xi), method = "GLMM", estimate = plogis(p$pred), ciLower = plogis(p$ci.lb),
       ciUpper = plogis(p$ci.ub), piLower = plogis(if (is.null(p$pi.lb)) p$ci.lb else p$pi.lb),
       piUpper = plogis(if (is.null(p$pi.ub)) p$ci.ub else p$pi.ub), tau2 = res$tau2, q = res$QE.Wld)
}

same <- function(step, printed, i) {
  stopifnot(abs(step$res$beta - printed$estimate[i]) < 1e-8, abs(step$res$tau2 - printed$tau2[i]) < 1e-8,
            abs(step$res$ci.lb - printed$ci.lb[i]) < 1e-8, abs(step$res$QE - printed$Q[i]) < 1e-8)
}

cases <- list()
for (d in datasets) suppressWarnings({
  k <- length(d$xi)
  for (s in ivSettings) {
    es <- escalc(measure = "PLO", xi = d$xi, ni = d$ni)
    full <- rma(yi, vi, data = es, method = s$method, test = s$test,
                control = if (s$method == "REML") list(threshold = 1e-12) else list())
    printedCumul <- cumul(full)
    printedLoo <- leave1out(full)
    cumulative <- lapply(seq_len(k), function(i) { st <- ivStep(d$xi[1:i], d$ni[1:i], s); same(st, printedCumul, i); st$step })
    loo <- lapply(seq_len(k), function(i) { st <- ivStep(d$xi[-i], d$ni[-i], s); same(st, printedLoo, i); st$step })
    cases[[length(cases) + 1]] <- list(dataset = d$name, events = I(d$xi), totals = I(d$ni), method = "INVERSE_VARIANCE",
      model = s$model, tau2Estimator = s$tau2Estimator, ciMethod = s$ciMethod, cumulative = cumulative, leaveOneOut = loo)
  }
  for (s in glmmSettings) {
    cumulative <- lapply(seq_len(k), function(i) glmmStep(d$xi[1:i], d$ni[1:i], s))
    loo <- lapply(seq_len(k), function(i) glmmStep(d$xi[-i], d$ni[-i], s))
    cases[[length(cases) + 1]] <- list(dataset = d$name, events = I(d$xi), totals = I(d$ni), method = "GLMM",
      model = s$model, tau2Estimator = NA, ciMethod = s$ciMethod, cumulative = cumulative, leaveOneOut = loo)
  }
})

out <- list(r = R.version.string, metafor = as.character(packageVersion("metafor")),
            lme4 = as.character(packageVersion("lme4")), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE), "sequential-reference.json")
message(length(cases), " cases written")
