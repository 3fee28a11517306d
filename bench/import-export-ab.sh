#!/usr/bin/env bash
# Two or more builds of the service on the same data, one after another on this machine: the time to import the first
# 40 parts (20,000 studies, about 400,000 outcomes) of bench/run.sh's 100,000-study data (generate it first with
# bench/run.sh --sizes 100000 --chunk-studies 500) and to export them three times, with the small-memory settings of
# RESULTS-footprint.md. For telling a change of the code from a change of the machine.
#
#   bench/import-export-ab.sh LABEL=PATH/quarkus-run.jar [LABEL=PATH ...]
set -u
D=${BENCH_WORK:-/tmp/cart-evidence-bench}/data/n100000-seed1-c5-o4-chunk500
[ -f "$D/studies-part00040.ndjson" ] || { echo "no generated data in $D" >&2; exit 2; }
OPTS="-Xmx96m -XX:+UseSerialGC -Xss512k -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=2000 -Djdk.nio.maxCachedBufferSize=262144"
for build in "$@"; do
  label=${build%%=*}; jar=${build#*=}
  data=$(mktemp -d)
  MALLOC_ARENA_MAX=2 CARTEVIDENCE_DATA_DIR=$data CARTEVIDENCE_REFERENCE_DATA_ENABLED=false QUARKUS_HTTP_PORT=8491 CARTEVIDENCE_CURATOR_PASSWORD='bench-password-123' java $OPTS -jar $jar > $data/log 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do curl -sf http://127.0.0.1:8491/q/health/ready >/dev/null && break; sleep 0.1; done
  start=$(date +%s.%N)
  for i in $(seq -f '%05g' 1 40); do
    curl -s -o /dev/null -w '' -u curator:bench-password-123 -H 'Content-Type: application/x-ndjson' --data-binary @$D/studies-part$i.ndjson http://127.0.0.1:8491/api/v1/import
  done
  end=$(date +%s.%N)
  echo "$label import 40 parts: $(echo "$end - $start" | bc) s"
  for r in 1 2 3; do
    curl -s -o /dev/null -w "$label export $r: %{time_total} s, %{size_download} bytes, %{http_code}\n" http://127.0.0.1:8491/api/v1/export
  done
  kill $pid; wait $pid 2>/dev/null; rm -rf $data
done
