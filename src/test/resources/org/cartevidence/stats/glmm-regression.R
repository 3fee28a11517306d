# Reference values for GlmmRegressionMetaforTest: metafor's rma.glmm (measure "PLO", nAGQ = 7, lme4 underneath) with
# moderators, as the subgroup test and the meta-regression of the GLMM fit them.
# Run from this directory:  Rscript glmm-regression.R   (writes glmm-regression.json beside it).
# Needs R with metafor, lme4 and jsonlite; the JSON is committed because CI has no R.
#
# Each case passes the design matrix explicitly (its first column the intercept, factors in treatment coding against
# a named reference level) as mods = X[, -1], so that rma.glmm standardizes numeric moderators for fitting as it
# does by default and R and Java fit the same columns. As in glmm-reference.R, glmer's optimizer is bobyqa at the
# smallest rhoend it reaches.
suppressMessages({ library(metafor); library(lme4); library(jsonlite) })

set.seed(20261204)
k60 <- 60
n60 <- sample(3:60, k60, replace = TRUE)
year60 <- sample(2019:2025, k60, replace = TRUE)
group60 <- sample(c("CD19", "BCMA", "dual"), k60, replace = TRUE, prob = c(0.5, 0.3, 0.2))
x60 <- rbinom(k60, n60, plogis(rnorm(k60, 0.4 + 0.6 * (group60 == "BCMA") - 0.08 * (year60 - 2022), 0.7)))

datasets <- list(
  # Two groups, a 0-event cohort in each.
  list(name = "subgroups-2", xi = c(0, 4, 9, 12, 0, 7, 15, 3), ni = c(10, 12, 15, 20, 6, 9, 18, 14),
       group = c("A", "A", "A", "A", "B", "B", "B", "B"), ref = "A", levels = c(0.95, 0.90)),
  # Three groups, one of a single cohort; an all-event cohort.
  list(name = "subgroups-3", xi = c(3, 5, 1, 8, 12, 6, 4), ni = c(10, 12, 4, 9, 15, 6, 7),
       group = c("a", "a", "a", "b", "b", "b", "c"), ref = "a"),
  # Four groups, the reference not the first level; 0-event and all-event cohorts.
  list(name = "subgroups-4", xi = c(2, 15, 30, 5, 18, 9, 0, 10, 6, 4, 0, 11), ni = c(20, 20, 40, 50, 25, 30, 12, 10, 6, 9, 5, 30),
       group = c("a", "a", "b", "b", "b", "c", "c", "c", "c", "d", "a", "b"), ref = "b"),
  # Publication year as a numeric moderator.
  list(name = "year", xi = c(5, 9, 14, 3, 20, 11, 7, 16, 2, 25), ni = c(12, 15, 20, 10, 24, 18, 9, 19, 6, 27),
       year = c(2019, 2020, 2021, 2021, 2022, 2023, 2023, 2024, 2025, 2025)),
  # A factor and a numeric moderator together.
  list(name = "group-and-year", xi = c(4, 10, 2, 14, 8, 6, 17, 1, 9, 12, 0, 5, 22, 3),
       ni = c(10, 14, 8, 20, 10, 12, 21, 5, 15, 13, 4, 9, 25, 3),
       group = c("CD19", "CD19", "CD19", "CD19", "CD19", "BCMA", "BCMA", "BCMA", "BCMA", "dual", "dual", "dual", "CD19", "BCMA"),
       year = c(2019, 2020, 2021, 2022, 2023, 2021, 2022, 2023, 2024, 2023, 2024, 2025, 2025, 2020), ref = "CD19"),
  list(name = "random-k60", xi = x60, ni = n60, group = group60, year = year60, ref = "CD19")
)

# The design matrix: intercept, then the group's treatment-coded columns "group=<level>", then year.
design <- function(d) {
  X <- matrix(1, nrow = length(d$xi), ncol = 1, dimnames = list(NULL, "intercept"))
  if (!is.null(d$group)) {
    for (level in setdiff(sort(unique(d$group)), d$ref)) {
      X <- cbind(X, as.numeric(d$group == level))
      colnames(X)[ncol(X)] <- paste0("group=", level)
    }
  }
  if (!is.null(d$year)) X <- cbind(X, year = d$year)
  X
}

# rma.glmm looks its arguments up in its caller's frame, so they are passed as plain values, not through `...`.
tightFit <- function(xi, ni, mods, method, test, level) {
  for (rhoend in c(1e-12, 1e-10, 1e-8, NA)) {
    ctrl <- if (is.na(rhoend)) list()
            else list(glmerCtrl = list(optimizer = "bobyqa", optCtrl = list(rhoend = rhoend, maxfun = 1e6)))
    res <- tryCatch(rma.glmm(measure = "PLO", xi = xi, ni = ni, mods = mods, method = method, test = test,
                             level = level, nAGQ = 7, control = ctrl),
                    error = function(e) NULL)
    if (!is.null(res)) return(res)
  }
  stop("rma.glmm failed")
}

cases <- list()
for (d in datasets) {
  X <- design(d)
  levels <- if (is.null(d$levels)) 0.95 else d$levels
  for (level in levels) for (model in c("RANDOM", "FIXED")) for (ci in c("WALD", "T")) suppressWarnings({
    res <- tightFit(d$xi, d$ni, X[, -1, drop = FALSE], if (model == "RANDOM") "ML" else "EE",
                    if (ci == "WALD") "z" else "t", 100 * level)
    cases[[length(cases) + 1]] <- list(
      dataset = d$name, events = I(d$xi), totals = I(d$ni), names = I(colnames(X)), rows = X,
      level = level, model = model, ciMethod = ci,
      estimate = I(c(res$beta)), se = I(res$se), statistic = I(res$zval), pValue = I(res$pval),
      ciLower = I(res$ci.lb), ciUpper = I(res$ci.ub),
      qm = res$QM, qmDf = res$QMdf[1], qmDf2 = if (is.na(res$QMdf[2])) NA else res$QMdf[2], qmPValue = res$QMp,
      qe = res$QE.Wld, qeDf = res$QE.df, qePValue = res$QEp.Wld, qeLrt = res$QE.LRT, qeLrtPValue = res$QEp.LRT,
      tau2 = res$tau2, i2 = res$I2, h2 = res$H2)
  })
}

out <- list(r = R.version.string, metafor = as.character(packageVersion("metafor")),
            lme4 = as.character(packageVersion("lme4")), cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = TRUE, matrix = "rowmajor"),
           "glmm-regression.json")
message(length(cases), " cases written")
