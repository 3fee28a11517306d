# The same pooling as bench/stats/PoolTiming.java with R's metafor: escalc(measure = "PLO") and
# rma(method = "REML", test = "knha") over the cohorts of a CSV (events,total), timed with system.time.
#   Rscript rma.R cohorts.csv [repetitions]
# metafor's defaults otherwise (REML stops when tau2 changes by < 1e-5, at most 100 iterations). Where its Fisher
# scoring oscillates it stops with "did not converge" and its help suggests shorter steps (control stepadj); this
# script then retries with stepadj = 1/2, 1/4, ... 1/64, the remedy the Java code applies itself. Printed times:
# fit_median_ms is the converging call alone (what the ratio uses: the most favourable time for R), total_ms the
# whole first repetition including the failed attempts.
suppressMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
csv <- args[1]
repetitions <- if (length(args) > 1) as.integer(args[2]) else 3
d <- read.csv(csv)

fit_once <- function() {
  failed <- 0
  for (stepadj in 2^-(0:6)) {
    fit <- NULL
    t <- system.time(fit <- tryCatch({
      es <- escalc(measure = "PLO", xi = d$events, ni = d$total)
      rma(yi, vi, data = es, method = "REML", test = "knha", control = list(stepadj = stepadj))
    }, error = function(e) if (grepl("did not converge", conditionMessage(e))) NULL else stop(e)))[["elapsed"]]
    if (!is.null(fit)) return(list(fit = fit, ms = 1000 * t, failed_ms = failed, stepadj = stepadj))
    failed <- failed + 1000 * t
  }
  stop("Fisher scoring did not converge even with stepadj = 1/64")
}

runs <- lapply(seq_len(repetitions), function(i) fit_once())
res <- runs[[1]]$fit
p <- predict(res, transf = transf.ilogit)
ms <- sapply(runs, function(r) r$ms)
kv <- function(name, value) cat(name, if (is.numeric(value)) sprintf("%.10g", value) else value, "\n")
kv("k", res$k)
kv("repetitions", repetitions)
kv("mu", as.numeric(res$beta))
kv("tau2", res$tau2)
kv("se", res$se)
kv("estimate", p$pred)
kv("ci_lower", p$ci.lb)
kv("ci_upper", p$ci.ub)
kv("q", res$QE)
kv("i2", res$I2)
kv("stepadj", runs[[1]]$stepadj)
kv("fit_median_ms", median(ms))
kv("fit_min_ms", min(ms))
kv("total_ms", runs[[1]]$ms + runs[[1]]$failed_ms)
kv("metafor_version", as.character(packageVersion("metafor")))
kv("r_version", paste(R.version$major, R.version$minor, sep = "."))
