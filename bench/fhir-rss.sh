#!/usr/bin/env bash
# The resident memory of the packaged service with and without the FHIR face, idle and after FHIR requests:
#
#   bench/fhir-rss.sh LABEL=PATH/quarkus-run.jar [LABEL=PATH ...] [--rounds 3] [--port 8391]
#
# Each round starts every build in turn, with the JVM settings of RESULTS.md's startup run, on a new data folder with
# the reference studies loaded; waits for /q/health/ready and 5 s more; reads the RSS of the JVM (VmRSS); asks the
# FHIR requests a guideline tool would (the CapabilityStatement, a ResearchStudy search, the Evidence of remission by
# disease, a study); waits 5 s; reads it again; stops the service. A build without the FHIR face answers those with
# 404, which is what it costs nothing for. Writes LABEL, round, idle and after-FHIR RSS in KiB, tab-separated.
set -u -o pipefail

JVM_OPTS="-Xmx192m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=48m -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000"
ROUNDS=3
PORT=8391
BUILDS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2;;
    --port) PORT="$2"; shift 2;;
    *=*) BUILDS+=("$1"); shift;;
    *) echo "usage: $0 LABEL=PATH/quarkus-run.jar ... [--rounds N] [--port P]" >&2; exit 2;;
  esac
done
[ ${#BUILDS[@]} -gt 0 ] || { echo "no build given" >&2; exit 2; }

rss() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }

printf 'build\tround\tidle_kib\tafter_fhir_kib\n'
for round in $(seq 1 "$ROUNDS"); do
  for build in "${BUILDS[@]}"; do
    label="${build%%=*}"; jar="${build#*=}"
    data=$(mktemp -d)
    MALLOC_ARENA_MAX=2 CARTEVIDENCE_DATA_DIR="$data" QUARKUS_HTTP_PORT="$PORT" \
      java $JVM_OPTS -jar "$jar" > "$data/service.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 600); do
      curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && break
      sleep 0.1
    done
    sleep 5
    idle=$(rss "$pid")
    base="http://127.0.0.1:$PORT/api/v1/fhir"
    for path in "metadata" "ResearchStudy?size=20" "Evidence?measure=REMISSION&groupBy=disease" "ResearchStudy/1"; do
      curl -s -o /dev/null -H 'Accept: application/fhir+json' "$base/$path"
    done
    sleep 5
    after=$(rss "$pid")
    kill "$pid"; wait "$pid" 2> /dev/null
    rm -rf "$data"
    printf '%s\t%s\t%s\t%s\n' "$label" "$round" "$idle" "$after"
  done
done
