# Reference values for RemlFallbackTest, computed with R's metafor (3.8).
# Run from this directory:  Rscript reml-fallback.R   (writes reml-fallback.json beside it).
# The JSON is committed because CI has no R; rerun only when datasets or metafor change.
#
# On these data sets REML's Fisher scoring, with the tight stopping rule of the other reference scripts
# (threshold 1e-12, metafor's 100 iterations), does not converge with any step factor from 1 down to 1/64: metafor
# stops with an error, and the Java code maximises the restricted log-likelihood directly. The script checks that
# they fail so, takes the reference from a metafor fit that converges with more iterations (maxiter = 1e5; its
# check against tau2 = 0 included), and checks that no tau2 in [0, 1000] is likelier: a grid on metafor's own
# restricted log-likelihood (rma with tau2 fixed), refined by optimize around the grid's best point.
suppressMessages({ library(metafor); library(jsonlite) })

datasets <- list(
  # Without moderators. metafor's default threshold (1e-5) fails here too.
  list(name = "logit-k4", measure = "PLO", xi = c(12, 11, 4, 8), ni = c(12, 25, 16, 17)),
  # The maximum is at 0, which Fisher scoring approaches a little at every one of 1,900 iterations.
  list(name = "logit-k4-creeps-to-0", measure = "PLO", xi = c(12, 1, 12, 10), ni = c(23, 8, 23, 13)),
  list(name = "logit-k3-at-0", measure = "PLO", xi = c(5, 0, 9), ni = c(11, 16, 22)),
  list(name = "logit-k10", measure = "PLO", xi = c(8, 3, 4, 17, 0, 20, 10, 1, 3, 9),
       ni = c(13, 4, 14, 30, 2, 20, 10, 6, 8, 18)),
  # Two local maxima: 0 is likelier than the one Fisher scoring approaches.
  list(name = "logit-k4-bimodal", measure = "PLO", xi = c(13, 14, 0, 14), ni = c(25, 29, 4, 14)),
  list(name = "raw-k7-bimodal", measure = "PR", xi = c(2, 16, 1, 16, 4, 7, 14), ni = c(6, 19, 4, 20, 4, 8, 17)),
  list(name = "arcsine-k4", measure = "PFT", xi = c(1, 3, 2, 2), ni = c(12, 5, 24, 28)),
  # Two subgroups (A the reference level).
  list(name = "logit-subgroups-k4", measure = "PLO", xi = c(8, 0, 6, 8), ni = c(23, 17, 26, 24),
       group = c("A", "A", "B", "B")),
  list(name = "logit-subgroups-k12", measure = "PLO", xi = c(5, 2, 9, 16, 14, 2, 0, 2, 4, 11, 0, 8),
       ni = c(9, 2, 23, 17, 27, 5, 1, 2, 8, 12, 2, 20),
       group = c("A", "B", "A", "B", "A", "B", "B", "A", "A", "A", "A", "A")),
  list(name = "raw-subgroups-k4", measure = "PR", xi = c(8, 20, 0, 13), ni = c(24, 23, 1, 30),
       group = c("A", "B", "B", "A")),
  list(name = "arcsine-subgroups-k8", measure = "PFT", xi = c(9, 2, 23, 21, 9, 0, 18, 0),
       ni = c(13, 4, 24, 22, 11, 2, 21, 1), group = c("B", "B", "A", "A", "B", "A", "A", "B"))
)
transforms <- c(PLO = "LOGIT", PFT = "ARCSINE", PR = "RAW")

design <- function(d) {
  X <- matrix(1, nrow = length(d$xi), ncol = 1, dimnames = list(NULL, "intercept"))
  if (!is.null(d$group)) X <- cbind(X, "group=B" = as.numeric(d$group == "B"))
  X
}
reml <- function(es, X, ...) rma(es$yi, es$vi, mods = X, intercept = FALSE, method = "REML", ...)
converges <- function(es, X, control) {
  for (stepadj in 2^-(0:6)) {
    res <- tryCatch(suppressWarnings(reml(es, X, control = c(control, list(stepadj = stepadj)))),
                    error = function(e) if (grepl("did not converge", conditionMessage(e))) NULL else stop(e))
    if (!is.null(res)) return(TRUE)
  }
  FALSE
}

largestOptimizeDeviation <- 0
cases <- list()
for (d in datasets) {
  es <- escalc(measure = d$measure, xi = d$xi, ni = d$ni)
  X <- design(d)
  if (converges(es, X, list(threshold = 1e-12))) stop(d$name, ": Fisher scoring converges, no fallback case")
  res <- suppressWarnings(reml(es, X, control = list(threshold = 1e-12, maxiter = 1e5)))

  ll <- function(tau2) c(logLik(reml(es, X, tau2 = tau2), REML = TRUE))
  grid <- c(0, 10^seq(-8, 3, length.out = 221))
  lls <- sapply(grid, ll)
  best <- which.max(lls)
  if (best == length(grid)) stop(d$name, ": the likelihood still rises at tau2 = 1000")
  opt <- optimize(ll, grid[c(max(1, best - 1), best + 1)], maximum = TRUE, tol = 1e-12)
  found <- if (lls[best] >= opt$objective) list(tau2 = grid[best], ll = lls[best]) else list(tau2 = opt$maximum, ll = opt$objective)
  if (found$ll > ll(res$tau2) + 1e-9) stop(d$name, ": tau2 = ", found$tau2, " is likelier than metafor's ", res$tau2)
  largestOptimizeDeviation <- max(largestOptimizeDeviation, abs(found$tau2 - res$tau2))

  cases[[length(cases) + 1]] <- list(
    dataset = d$name, transform = transforms[[d$measure]], events = I(d$xi), totals = I(d$ni),
    names = I(colnames(X)), rows = unname(X),
    metaforDefaultConverges = converges(es, X, list()),
    tau2 = res$tau2, estimate = I(c(res$beta)), se = I(c(res$se)))
}

out <- list(r = R.version.string, metafor = as.character(packageVersion("metafor")), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE, matrix = "rowmajor"),
           "reml-fallback.json")
message(length(cases), " cases written; largest deviation of the grid and optimize maximum from metafor's tau2: ",
        signif(largestOptimizeDeviation, 3))
