# Reference values for MetaRegressionMetaforTest, computed with R's metafor (3.8).
# Run from this directory:  Rscript metafor-regression.R   (writes metafor-regression.json beside it).
# The JSON is committed because CI has no R; rerun only when datasets or metafor change.
#
# Each case is rma(yi, vi, mods = X, intercept = FALSE) with the design matrix X written out explicitly (its first
# column the intercept, factors in treatment coding against a named reference level), so that R and Java fit the
# same columns. As in metafor-reference.R, REML and PM use tight stopping rules (threshold 1e-12, tol 1e-12), and
# Fisher scoring that oscillates is retried with shorter steps (stepadj), as the Java code does.
suppressMessages({ library(metafor); library(jsonlite) })

set.seed(20240614)
k60 <- 60
n60 <- sample(1:60, k60, replace = TRUE)
year60 <- sample(2019:2025, k60, replace = TRUE)
group60 <- sample(c("CD19", "BCMA", "dual"), k60, replace = TRUE, prob = c(0.5, 0.3, 0.2))
x60 <- rbinom(k60, n60, plogis(rnorm(k60, 0.4 + 0.6 * (group60 == "BCMA") - 0.08 * (year60 - 2022), 0.7)))

datasets <- list(
  # Two groups, a 0-event cohort in each.
  list(name = "subgroups-2", xi = c(0, 4, 9, 12, 0, 7, 15, 3), ni = c(10, 12, 15, 20, 6, 9, 18, 14),
       group = c("A", "A", "A", "A", "B", "B", "B", "B"), ref = "A", levels = c(0.95, 0.90)),
  # Three groups: one of a single cohort, all-event cohorts in another.
  list(name = "subgroups-3", xi = c(8, 1, 3, 5, 12, 12, 3, 1, 1), ni = c(8, 1, 3, 5, 15, 13, 4, 1, 4),
       group = c("SLE", "SLE", "SLE", "SSc", "SSc", "SSc", "SSc", "myositis", "SSc"), ref = "SLE",
       transforms = c("LOGIT", "ARCSINE", "RAW")),
  # Four groups, the reference not the first level; a single-cohort group, 0-event and all-event cohorts.
  list(name = "subgroups-4", xi = c(2, 15, 30, 5, 18, 9, 0, 10, 6, 4, 0, 11), ni = c(20, 20, 40, 50, 25, 30, 12, 10, 6, 9, 5, 30),
       group = c("a", "a", "b", "b", "b", "c", "c", "c", "c", "d", "a", "b"), ref = "b",
       transforms = c("LOGIT", "ARCSINE")),
  # Groups of identical cohorts: the weighted residual sum of squares is 0 (Knapp-Hartung scale 0, QM undefined).
  list(name = "identical-within-groups", xi = c(3, 3, 3, 8, 8), ni = c(10, 10, 10, 16, 16),
       group = c("x", "x", "x", "y", "y"), ref = "x"),
  # Publication year as a numeric moderator.
  list(name = "year", xi = c(5, 9, 14, 3, 20, 11, 7, 16, 2, 25), ni = c(12, 15, 20, 10, 24, 18, 9, 19, 6, 27),
       year = c(2019, 2020, 2021, 2021, 2022, 2023, 2023, 2024, 2025, 2025),
       transforms = c("LOGIT", "ARCSINE", "RAW")),
  # Patients enrolled (1 to 60) as a numeric moderator, with single-patient and 0-event cohorts.
  list(name = "enrolled", xi = c(1, 0, 3, 2, 7, 12, 20, 33, 0, 41, 1, 15), ni = c(1, 2, 4, 5, 9, 15, 28, 40, 3, 60, 1, 22),
       enrolled = c(1, 2, 4, 5, 9, 15, 28, 40, 3, 60, 1, 22)),
  # A factor and a numeric moderator together.
  list(name = "group-and-year", xi = c(4, 10, 2, 14, 8, 6, 17, 1, 9, 12, 0, 5, 22, 3),
       ni = c(10, 14, 8, 20, 10, 12, 21, 5, 15, 13, 4, 9, 25, 3),
       group = c("CD19", "CD19", "CD19", "CD19", "CD19", "BCMA", "BCMA", "BCMA", "BCMA", "dual", "dual", "dual", "CD19", "BCMA"),
       year = c(2019, 2020, 2021, 2022, 2023, 2021, 2022, 2023, 2024, 2023, 2024, 2025, 2025, 2020), ref = "CD19"),
  # No moderators: QM tests the intercept, and there is no R^2.
  list(name = "intercept-only", xi = c(8, 1, 3, 5, 12, 12, 3, 1, 1), ni = c(8, 1, 3, 5, 15, 13, 4, 1, 4)),
  # REML's Fisher scoring oscillates here and needs shorter steps.
  list(name = "reml-oscillates", xi = c(2, 0, 2, 0, 1, 1, 0, 6), ni = c(10, 2, 12, 4, 10, 4, 4, 12),
       group = c("B", "A", "A", "B", "B", "B", "B", "A"), ref = "A"),
  list(name = "random-k60", xi = x60, ni = n60, group = group60, year = year60, enrolled = n60, ref = "CD19")
)

# The design matrix: intercept, then the group's treatment-coded columns "group=<level>", then year, then enrolled.
design <- function(d) {
  X <- matrix(1, nrow = length(d$xi), ncol = 1, dimnames = list(NULL, "intercept"))
  if (!is.null(d$group)) {
    for (level in setdiff(sort(unique(d$group)), d$ref)) {
      X <- cbind(X, as.numeric(d$group == level))
      colnames(X)[ncol(X)] <- paste0("group=", level)
    }
  }
  if (!is.null(d$year)) X <- cbind(X, year = d$year)
  if (!is.null(d$enrolled)) X <- cbind(X, enrolled = d$enrolled)
  X
}

measures <- c(LOGIT = "PLO", ARCSINE = "PFT", RAW = "PR")
methods <- c(FIXED = "FE", DL = "DL", REML = "REML", PM = "PM")
tests <- c(WALD = "z", HARTUNG_KNAPP = "knha", ADHOC = "adhoc", T = "t")
tight <- function(method) if (method == "PM") list(tol = 1e-12) else list(threshold = 1e-12)

rma.retry <- function(yi, vi, X, method, test, level) {
  for (stepadj in 2^-(0:6)) {
    args <- list(yi = yi, vi = vi, method = method, test = test, level = 100 * level,
                 control = c(tight(method), list(stepadj = stepadj)))
    if (!is.null(X)) args <- c(args, list(mods = X, intercept = FALSE))
    res <- tryCatch(do.call(rma, args),
                    error = function(e) if (grepl("did not converge", conditionMessage(e))) NULL else stop(e))
    if (!is.null(res)) return(list(res = res, stepadj = stepadj))
  }
  stop("Fisher scoring did not converge")
}

# JSON has no Inf or NaN: written as the strings Jackson reads back as doubles.
num <- function(x) {
  x <- unname(c(x))
  if (length(x) != 1) return(I(vapply(x, num, character(1))))
  if (is.na(x)) "NaN" else if (is.infinite(x)) (if (x > 0) "Infinity" else "-Infinity") else x
}
nums <- function(x) {
  x <- unname(c(x))
  if (all(is.finite(x))) I(x) else I(as.list(vapply(x, function(v) { n <- num(v); if (is.character(n)) n else sprintf("%.17g", n) }, character(1))))
}

shortened <- character(0)
cases <- list()
for (d in datasets) {
  X <- design(d)
  for (tn in (if (is.null(d$transforms)) "LOGIT" else d$transforms)) {
    es <- escalc(measure = measures[[tn]], xi = d$xi, ni = d$ni)
    for (level in (if (is.null(d$levels)) 0.95 else d$levels)) {
      for (mn in names(methods)) {
        for (cn in names(tests)) {
          # Knapp-Hartung rescales a random-effects variance; the Java code refuses it for the fixed model.
          if (mn == "FIXED" && cn %in% c("HARTUNG_KNAPP", "ADHOC")) next
          fitted <- suppressWarnings(rma.retry(es$yi, es$vi, X, methods[[mn]], tests[[cn]], level))
          res <- fitted$res
          if (fitted$stepadj < 1) shortened <- union(shortened, paste(d$name, tn, mn))
          r2 <- res$R2
          # metafor's R^2 refits the model without moderators with the same control (stepadj included) and gives
          # NA where that fit fails; the Java code would retry it with shorter steps, so such a case needs care.
          if (!is.null(r2) && is.na(r2)) stop("metafor gave no R^2 for ", d$name, " ", tn, " ", mn, " ", cn)
          cases[[length(cases) + 1]] <- list(
            dataset = d$name, transform = tn, model = if (mn == "FIXED") "FIXED" else "RANDOM",
            tau2Estimator = if (mn == "FIXED") NA else mn, ciMethod = cn, level = level,
            events = I(d$xi), totals = I(d$ni), yi = I(c(es$yi)), vi = I(c(es$vi)),
            names = I(colnames(X)), rows = unname(X),
            estimate = nums(res$beta), se = nums(res$se), statistic = nums(res$zval), pValue = nums(res$pval),
            ciLower = nums(res$ci.lb), ciUpper = nums(res$ci.ub),
            qm = num(res$QM), qmDf = res$QMdf[1], qmDf2 = if (is.na(res$QMdf[2])) NA else res$QMdf[2],
            qmPValue = num(res$QMp), qe = res$QE, qeDf = res$k - res$p, qePValue = res$QEp,
            tau2 = res$tau2, i2 = res$I2, h2 = res$H2, r2 = if (is.null(r2)) NA else r2)
        }
      }
    }
  }
}

out <- list(r = R.version.string, metafor = as.character(packageVersion("metafor")), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE, matrix = "rowmajor"),
           "metafor-regression.json")
message(length(cases), " cases written; REML needed shorter steps on: ", paste(shortened, collapse = "; "))
