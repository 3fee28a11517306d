#!/usr/bin/env bash
# Times the statistics alone: the service's REML pooling (org.cartevidence.stats, PoolTiming.java) of k cohorts
# against R's metafor (rma.R) on the same CSV, and checks that both give the same estimates; and the service's
# default, the GLMM, on the same cohorts (Java only: lines java.glmm.k...).
#
#   bench/stats/run.sh [--k 10000] [--seed 1] [--warmup 20] [--reps 30] [--r-sizes 300,1000] [--r-timeout 120]
#                      [--out FILE]
#
# Needs target/classes (mvn -B -q package -DskipTests in the repository root). R is optional: without Rscript and
# metafor only the Java side runs. metafor's Fisher scoring works on k x k matrices (time grows about as k^3 with
# the reference BLAS), so R is timed at the smaller --r-sizes in full, and at k itself only up to --r-timeout
# seconds: if it has not finished by then, that time is a lower bound of R's. Java is timed at k and at every
# --r-size, on prefixes of the same CSV. Prints "name value" lines (also to --out).
set -u -o pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
K=10000 SEED=1 WARMUP=20 REPS=30 R_SIZES=300,1000 R_TIMEOUT=120 OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --k) K=$2; shift 2;; --seed) SEED=$2; shift 2;; --warmup) WARMUP=$2; shift 2;; --reps) REPS=$2; shift 2;;
    --r-sizes) R_SIZES=$2; shift 2;; --r-timeout) R_TIMEOUT=$2; shift 2;; --out) OUT=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
WORK="$(mktemp -d /tmp/cart-evidence-stats.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
[ -n "$OUT" ] && : > "$OUT"
say() { echo "$1 $2"; [ -n "$OUT" ] && echo "$1 $2" >> "$OUT"; return 0; }

[ -d "$REPO/target/classes/org/cartevidence/stats" ] || { echo "no target/classes: run mvn -B -q package -DskipTests first" >&2; exit 1; }
JARS=""
for a in commons-statistics-distribution commons-numbers-core commons-numbers-gamma commons-numbers-fraction \
         commons-numbers-combinatorics commons-numbers-rootfinder commons-rng-client-api commons-rng-sampling; do
  j=$(ls "$REPO"/target/quarkus-app/lib/main/org.apache.commons.$a-*.jar 2>/dev/null | head -1)
  [ -z "$j" ] && j=$(find "$HOME/.m2/repository/org/apache/commons/$a" -name "$a-*.jar" 2>/dev/null | sort | tail -1)
  [ -n "$j" ] && JARS="$JARS:$j"
done
for a in ejml-core ejml-ddense; do
  j=$(ls "$REPO"/target/quarkus-app/lib/main/org.ejml.$a-*.jar 2>/dev/null | head -1)
  [ -z "$j" ] && j=$(find "$HOME/.m2/repository/org/ejml/$a" -name "$a-*.jar" 2>/dev/null | sort | tail -1)
  [ -n "$j" ] && JARS="$JARS:$j"
done
CP="$REPO/target/classes$JARS"
javac -d "$WORK/classes" -cp "$CP" "$HERE/PoolTiming.java" || exit 1

CSV="$WORK/cohorts-$K.csv"
python3 "$REPO/bench/generate.py" --stats-csv "$CSV" --k "$K" --seed "$SEED" 2>/dev/null || exit 1
say data "generate.py --stats-csv --k $K --seed $SEED (REMISSION cohorts, events,total)"

java_run() { # k csv
  java -cp "$WORK/classes:$CP" PoolTiming "$2" "$WARMUP" "$REPS" | while read -r n v; do say "java.k$1.$n" "$v"; done
}
java_run "$K" "$CSV"
java -cp "$WORK/classes:$CP" PoolTiming "$CSV" "$WARMUP" "$REPS" glmm | while read -r n v; do say "java.glmm.k$K.$n" "$v"; done
IFS=, read -ra SMALL <<< "$R_SIZES"
for s in "${SMALL[@]}"; do
  [ "$s" -lt "$K" ] || continue
  head -n $((s + 1)) "$CSV" > "$WORK/cohorts-$s.csv"
  java_run "$s" "$WORK/cohorts-$s.csv"
done

if ! command -v Rscript >/dev/null || ! Rscript -e 'suppressMessages(library(metafor))' >/dev/null 2>&1; then
  say r.status "not installed (apt-get install -y --no-install-recommends r-cran-metafor)"
  exit 0
fi
say r.status ok
r_run() { # k csv repetitions timeout
  local start end rc
  start=$(date +%s%N)
  timeout "$4" Rscript "$HERE/rma.R" "$2" "$3" > "$WORK/r.out" 2> "$WORK/r.err"; rc=$?
  end=$(date +%s%N)
  if [ $rc -eq 0 ]; then
    while read -r n v; do say "r.k$1.$n" "$v"; done < "$WORK/r.out"
  elif [ $rc -eq 124 ]; then
    say "r.k$1.timeout_s" "$4"
  else
    say "r.k$1.error" "$(tail -1 "$WORK/r.err" | tr ' ' '_')"
  fi
}
for s in "${SMALL[@]}"; do
  [ "$s" -lt "$K" ] || continue
  r_run "$s" "$WORK/cohorts-$s.csv" $([ "$s" -le 500 ] && echo 3 || echo 1) 3600
done
r_run "$K" "$CSV" 1 "$R_TIMEOUT"
