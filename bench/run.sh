#!/usr/bin/env bash
# The performance benchmark of issue 6, in one command:
#
#   bench/run.sh [--sizes 1000,10000,100000] [--duration 20s] [--warmup 5s] [--threads 2] [--connections 16]
#                [--jvm-opts "-Xmx256m"] [--startup-reps 5] [--chunk-studies 2000] [--seed 1]
#                [--skip-build] [--no-stats] [--no-install] [--r-timeout 120] [--note "text for RESULTS.md"]
#                [--name NAME] [--auth jwt|basic] [--db h2|postgresql] [--pg-url jdbc:postgresql://HOST:PORT]
#                [--pg-user USER] [--port 8091] [--startup-only] [--also-jar LABEL=PATH ...] [--no-wait]
#
# It installs wrk (and R's metafor, for the statistics timing) from Debian if missing, builds the service
# (mvn -B -q package -DskipTests), the empty Quarkus REST app of bench/empty-app and the same app with the service's
# persistence stack (bench/orm-app: Hibernate ORM, Flyway, H2), measures the three apps' startup,
# and then, for each size: generates synthetic studies (bench/generate.py), starts the packaged service on a fresh
# H2 data folder, imports them through POST /api/v1/import, runs wrk against the ceiling (a constant small JSON of
# the same process) and the endpoints of the issue, times GET /api/v1/export, samples the JVM's RSS every 100 ms
# throughout, and stops the service. Then bench/stats/run.sh times the pooling alone against metafor. Raw outputs go
# to bench/results/, the summary to bench/RESULTS.md (bench/report.py). Every number in it was measured by this run.
# With --name NAME they go to bench/results-NAME/ and bench/RESULTS-NAME.md instead (another JVM setting, say).
# The import authenticates as a pipeline does in production, with a JWT bearer token (signed by a key pair of this
# run, which the service is started to trust); --auth basic logs in as the curator with HTTP Basic instead.
#
# --db postgresql runs the service on PostgreSQL instead of its embedded H2: it builds a copy of the working tree with
# -Dquarkus.datasource.db-kind=postgresql (in $BENCH_WORK/postgresql-build), and every start of the service gets a new
# database cartevidence_bench on the server of --pg-url (default jdbc:postgresql://127.0.0.1:5432, user postgres, no
# password: PGPASSWORD if one is needed), made and dropped with createdb and dropdb. The URL sets
# reWriteBatchedInserts=true, as the README advises. RSS is then the service's alone, without the server's.
#
# --startup-only measures the startup alone (no data, wrk, import, export or statistics). --also-jar LABEL=PATH (any
# number of times) starts another build of the service (its quarkus-run.jar) in the same rotation, after the service,
# as "service:LABEL": builds compared under the same load. --port sets the service's port; the empty app and the
# persistence-stack app take the next two. --no-wait starts at once instead of waiting up to 5 minutes for a quiet
# machine (the report then says how busy it was).
#
# Generated data is kept in $BENCH_WORK (default /tmp/cart-evidence-bench) and reused by later runs with the same
# size, seed and shape; 100,000 studies take about 400 MB there.
set -u -o pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
SIZES=1000,10000,100000
DURATION=20s
WARMUP=5s
THREADS=2
CONNECTIONS=16
JVM_OPTS="-Xmx256m"
STARTUP_REPS=5
CHUNK=2000
SEED=1
COHORTS_PER_STUDY=5
OUTCOMES_PER_COHORT=4
BUILD=1
STATS=1
INSTALL=1
R_TIMEOUT=120
NOTE=""
PORT=8091
EMPTY_PORT=8092
WORK="${BENCH_WORK:-/tmp/cart-evidence-bench}"
RESULTS="$HERE/results"
SUMMARY="$HERE/RESULTS.md"
ORM_PORT=8093
AUTH=jwt
DB=h2
PG_URL=jdbc:postgresql://127.0.0.1:5432
PG_USER=postgres
PG_DB=cartevidence_bench
STARTUP_ONLY=0
WAIT_QUIET=1
ALSO_JARS=()

ARGS="$*"
usage() { sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES=$2; shift 2;;
    --duration) DURATION=$2; shift 2;;
    --warmup) WARMUP=$2; shift 2;;
    --threads) THREADS=$2; shift 2;;
    --connections) CONNECTIONS=$2; shift 2;;
    --jvm-opts) JVM_OPTS=$2; shift 2;;
    --startup-reps) STARTUP_REPS=$2; shift 2;;
    --chunk-studies) CHUNK=$2; shift 2;;
    --seed) SEED=$2; shift 2;;
    --cohorts-per-study) COHORTS_PER_STUDY=$2; shift 2;;
    --outcomes-per-cohort) OUTCOMES_PER_COHORT=$2; shift 2;;
    --skip-build) BUILD=0; shift;;
    --no-stats) STATS=0; shift;;
    --no-install) INSTALL=0; shift;;
    --r-timeout) R_TIMEOUT=$2; shift 2;;
    --note) NOTE=$2; shift 2;;
    --port) PORT=$2; shift 2;;
    --name) RESULTS="$HERE/results-$2"; SUMMARY="$HERE/RESULTS-$2.md"; shift 2;;
    --auth) AUTH=$2; shift 2;;
    --db) DB=$2; shift 2;;
    --pg-url) PG_URL=$2; shift 2;;
    --pg-user) PG_USER=$2; shift 2;;
    --startup-only) STARTUP_ONLY=1; STATS=0; SIZES=""; shift;;
    --also-jar) ALSO_JARS+=("$2"); shift 2;;
    --no-wait) WAIT_QUIET=0; shift;;
    -h|--help) usage 0;;
    *) echo "unknown option: $1" >&2; usage 2;;
  esac
done

BASE="http://127.0.0.1:$PORT"
EMPTY_PORT=$((PORT + 1))
ORM_PORT=$((PORT + 2))
# The curator's password of this run only (the service needs at least 12 characters); nothing else uses it.
PASSWORD="bench-$(date +%s)-$$"
JAR="$REPO/target/quarkus-app/quarkus-run.jar"
EMPTY_JAR="$HERE/empty-app/target/quarkus-app/quarkus-run.jar"
ORM_JAR="$HERE/orm-app/target/quarkus-app/quarkus-run.jar"

log() { echo "[bench $(date +%H:%M:%S)] $*" >&2; }
die() { log "FAILED: $*"; exit 1; }
for also in "${ALSO_JARS[@]}"; do
  case "$also" in *=*) [ -f "${also#*=}" ] || die "--also-jar $also: no such jar";; *) die "--also-jar takes LABEL=PATH";; esac
done
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Every command that produces a number is written to results/commands.txt as it is run.
cmd() { echo "$*" >> "$RESULTS/commands.txt"; }

STARTED_PIDS=()
JWT_DIR="$WORK/jwt-$$"
cleanup() {
  for p in "${STARTED_PIDS[@]}"; do kill "$p" 2>/dev/null; done
  rm -rf "$JWT_DIR"
}
trap cleanup EXIT

# ---- Tools -----------------------------------------------------------------------------------------------------
apt_install() {
  [ "$INSTALL" = 1 ] || return 1
  [ "$(id -u)" = 0 ] || { log "not root: cannot apt-get install $*"; return 1; }
  apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1; }
}
for tool in java mvn curl python3; do command -v "$tool" >/dev/null || die "$tool is needed"; done
case "$DB" in
  h2) ;;
  postgresql)
    for tool in createdb dropdb psql; do command -v "$tool" >/dev/null || die "$tool is needed for --db postgresql"; done
    PG_HOSTPORT=${PG_URL#jdbc:postgresql://}; PG_HOST=${PG_HOSTPORT%%:*}; PG_PORT=${PG_HOSTPORT##*:}
    [ "$PG_PORT" = "$PG_HOSTPORT" ] && PG_PORT=5432
    PG_ARGS=(-h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
    PG_VERSION=$(psql "${PG_ARGS[@]}" -d postgres -tAc 'show server_version' 2>/dev/null) \
      || die "no PostgreSQL server at $PG_URL as $PG_USER"
    JAR="$WORK/postgresql-build/target/quarkus-app/quarkus-run.jar";;
  *) die "--db is h2 or postgresql";;
esac
[ "$STARTUP_ONLY" = 1 ] || command -v wrk >/dev/null \
  || { log "installing wrk"; apt_install wrk || die "wrk is needed (apt-get install wrk)"; }
if [ "$STATS" = 1 ] && ! Rscript -e 'suppressMessages(library(metafor))' >/dev/null 2>&1; then
  log "installing R's metafor (optional)"; apt_install r-cran-metafor || log "no R: the statistics timing runs without it"
fi

# ---- A quiet machine ---------------------------------------------------------------------------------------------
# Work that just ended (a build, a test run) still weighs in the 1-minute load average; wait up to 5 minutes for it to
# fall below half the cores, the level under which report.py takes the machine as quiet.
quiet_below=$(awk -v n="$(nproc)" 'BEGIN { print n / 2 }')
for i in $(seq 1 $((WAIT_QUIET * 60))); do
  awk -v q="$quiet_below" '{ exit !($1 < q) }' /proc/loadavg && break
  [ "$i" = 1 ] && log "waiting for the load average ($(cut -d' ' -f1 /proc/loadavg)) to fall below $quiet_below"
  sleep 5
done

# ---- Results folder --------------------------------------------------------------------------------------------
rm -rf "$RESULTS"
mkdir -p "$RESULTS" "$WORK"
: > "$RESULTS/commands.txt"
{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "host_nproc=$(nproc)"
  echo "cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "mem_total_kb=$(awk '/MemTotal/{print $2}' /proc/meminfo)"
  echo "kernel=$(uname -sr)"
  echo "java_version=$(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "wrk_version=$(wrk -v 2>&1 | head -1)"
  echo "python_version=$(python3 --version 2>&1)"
  echo "git_commit=$(git -C "$REPO" rev-parse HEAD 2>/dev/null) $(git -C "$REPO" status --porcelain 2>/dev/null | grep -v '^??' | grep -qv ' bench/' && echo '(with uncommitted changes)')"
  echo "loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "sizes=$SIZES"
  echo "duration=$DURATION"
  echo "warmup=$WARMUP"
  echo "threads=$THREADS"
  echo "connections=$CONNECTIONS"
  echo "jvm_opts=$JVM_OPTS"
  echo "jvm_env=$(env | grep -E '^(MALLOC_ARENA_MAX|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS|QUARKUS_[A-Z_]*|CARTEVIDENCE_[A-Z_]*)=' | grep -v PASSWORD | tr '\n' ' ')"
  echo "startup_reps=$STARTUP_REPS"
  echo "chunk_studies=$CHUNK"
  echo "auth=$AUTH"
  echo "db=$DB"
  [ "$DB" = postgresql ] && echo "db_server=PostgreSQL $PG_VERSION at $PG_URL as $PG_USER (database $PG_DB, new at every start)"
  echo "seed=$SEED"
  echo "cohorts_per_study=$COHORTS_PER_STUDY"
  echo "outcomes_per_cohort=$OUTCOMES_PER_COHORT"
  echo "note=$NOTE"
  echo "startup_only=$STARTUP_ONLY"
  echo "also_jars=${ALSO_JARS[*]}"
  echo "command=bench/run.sh $ARGS"
} > "$RESULTS/run.env"
log "results in $RESULTS, data in $WORK"

# ---- Build -----------------------------------------------------------------------------------------------------
if [ "$DB" = postgresql ] && { [ "$BUILD" = 1 ] || [ ! -f "$JAR" ]; }; then
  # db-kind is fixed at build time: a copy of the working tree, so that the H2 build in target/ stays as it is.
  log "building the service for PostgreSQL"
  PG_BUILD="$WORK/postgresql-build"
  rm -rf "$PG_BUILD"; mkdir -p "$PG_BUILD"
  tar -C "$REPO" --exclude=./.git --exclude=target --exclude='./bench/results*' -cf - . | tar -C "$PG_BUILD" -xf -
  cmd "(cd <copy of $REPO> && mvn -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql)"
  (cd "$PG_BUILD" && mvn -B -q package -DskipTests -Dquarkus.datasource.db-kind=postgresql) \
    > "$RESULTS/build-service.log" 2>&1 || die "service build (see results/build-service.log)"
elif [ "$BUILD" = 1 ] || [ ! -f "$JAR" ]; then
  log "building the service"
  cmd "(cd $REPO && mvn -B -q package -DskipTests)"
  (cd "$REPO" && mvn -B -q package -DskipTests) > "$RESULTS/build-service.log" 2>&1 || die "service build (see results/build-service.log)"
fi
if [ "$BUILD" = 1 ] || [ ! -f "$EMPTY_JAR" ]; then
  log "building the empty app"
  cmd "(cd $HERE/empty-app && mvn -B -q package -DskipTests)"
  (cd "$HERE/empty-app" && mvn -B -q package -DskipTests) > "$RESULTS/build-empty.log" 2>&1 || die "empty app build (see results/build-empty.log)"
fi
if [ "$BUILD" = 1 ] || [ ! -f "$ORM_JAR" ]; then
  log "building the empty app with the persistence stack"
  cmd "(cd $HERE/orm-app && mvn -B -q package -DskipTests)"
  (cd "$HERE/orm-app" && mvn -B -q package -DskipTests) > "$RESULTS/build-orm.log" 2>&1 || die "orm app build (see results/build-orm.log)"
fi

# ---- Starting and stopping ---------------------------------------------------------------------------------------
# start_app NAME JAR PORT URL LOG [java options...]: starts, waits for the first 200 answer on URL, and sets APP_PID
# and APP_STARTUP_MS (from just before the java command to that answer, polled every 10 ms).
start_app() {
  local name=$1 jar=$2 port=$3 url=$4 logf=$5; shift 5
  local t0 code
  t0=$(now_ms)
  java $JVM_OPTS "$@" -Dquarkus.http.port="$port" -jar "$jar" > "$logf" 2>&1 &
  APP_PID=$!
  STARTED_PIDS+=("$APP_PID")
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null)
    [ "$code" = 200 ] && break
    kill -0 "$APP_PID" 2>/dev/null || { log "$name exited during startup (see $logf)"; APP_PID=""; return 1; }
    [ $(( $(now_ms) - t0 )) -gt 300000 ] && { log "$name not up in 300 s"; stop_app "$APP_PID"; APP_PID=""; return 1; }
    sleep 0.01
  done
  APP_STARTUP_MS=$(( $(now_ms) - t0 ))
}
stop_app() {
  local pid=$1 i
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null
  for i in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}
start_service() { # DATA_DIR LOG
  if [ "$DB" = postgresql ]; then
    # A new, empty database for every start, as H2 gets a new data folder.
    dropdb "${PG_ARGS[@]}" --if-exists --force "$PG_DB" >> "$2.db" 2>&1
    createdb "${PG_ARGS[@]}" "$PG_DB" >> "$2.db" 2>&1 || { log "createdb $PG_DB failed (see $2.db)"; return 1; }
    QUARKUS_DATASOURCE_JDBC_URL="$PG_URL/$PG_DB?reWriteBatchedInserts=true" QUARKUS_DATASOURCE_USERNAME="$PG_USER" \
      QUARKUS_DATASOURCE_PASSWORD="${PGPASSWORD:-}" CARTEVIDENCE_CURATOR_PASSWORD="$PASSWORD" \
      MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWT_DIR/public.pem" MP_JWT_VERIFY_ISSUER="$JWT_ISSUER" \
      start_app service "$JAR" "$PORT" "$BASE/q/health/live" "$2" -Dcartevidence.reference-data.enabled=false
    return
  fi
  CARTEVIDENCE_CURATOR_PASSWORD="$PASSWORD" MP_JWT_VERIFY_PUBLICKEY_LOCATION="$JWT_DIR/public.pem" \
    MP_JWT_VERIFY_ISSUER="$JWT_ISSUER" start_app service "$JAR" "$PORT" "$BASE/q/health/live" "$2" \
    -Dcartevidence.data-dir="$1" -Dcartevidence.reference-data.enabled=false
}

# ---- The importing pipeline's credentials --------------------------------------------------------------------------
# A JWT (RS256) with the curator role, signed by a key pair made for this run: what a pipeline sends in production
# (README, Security). HTTP Basic (--auth basic) makes the service check the password with bcrypt on every request.
JWT_ISSUER="https://bench.cart-evidence.invalid"
mkdir -p "$JWT_DIR"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$JWT_DIR/private.pem" 2>/dev/null \
  && openssl pkey -in "$JWT_DIR/private.pem" -pubout -out "$JWT_DIR/public.pem" || die "openssl: no key pair"
jwt_now=$(date +%s)
jwt_unsigned="$(printf '{"alg":"RS256","typ":"JWT"}' | b64url).$(printf \
  '{"iss":"%s","sub":"bench-pipeline","preferred_username":"bench-pipeline","groups":["curator"],"iat":%d,"exp":%d}' \
  "$JWT_ISSUER" "$jwt_now" $((jwt_now + 86400)) | b64url)"
JWT="$jwt_unsigned.$(printf '%s' "$jwt_unsigned" | openssl dgst -sha256 -sign "$JWT_DIR/private.pem" | b64url)"
case "$AUTH" in
  jwt) AUTH_ARGS=(-H "Authorization: Bearer $JWT"); AUTH_SHOWN="-H 'Authorization: Bearer <token of this run>'";;
  basic) AUTH_ARGS=(-u "curator:$PASSWORD"); AUTH_SHOWN="-u curator:...";;
  *) die "--auth is jwt or basic";;
esac

# ---- Startup: the service (empty data folder) against the empty app and the persistence stack, alternating -------
log "startup: $STARTUP_REPS x (empty app, orm app, service)"
cmd "java $JVM_OPTS -Dquarkus.http.port=$EMPTY_PORT -jar $EMPTY_JAR   # until GET /hello answers 200"
cmd "java $JVM_OPTS -Dbench.data-dir=<new empty folder> -Dquarkus.http.port=$ORM_PORT -jar $ORM_JAR   # until GET /hello answers 200"
for also in "${ALSO_JARS[@]}"; do cmd "# service:${also%%=*}: the same command with -jar ${also#*=}"; done
cmd "CARTEVIDENCE_CURATOR_PASSWORD=... MP_JWT_VERIFY_PUBLICKEY_LOCATION=<public key of this run> MP_JWT_VERIFY_ISSUER=$JWT_ISSUER java $JVM_OPTS -Dcartevidence.data-dir=<new empty folder> -Dcartevidence.reference-data.enabled=false -Dquarkus.http.port=$PORT -jar $JAR   # until GET /q/health/live answers 200"
[ "$DB" = postgresql ] && cmd "# the service on PostgreSQL: QUARKUS_DATASOURCE_JDBC_URL=$PG_URL/$PG_DB?reWriteBatchedInserts=true QUARKUS_DATASOURCE_USERNAME=$PG_USER, after dropdb --force and createdb $PG_DB at every start"
echo -e "rep\tapp\tstartup_ms" > "$RESULTS/startup.tsv"
for rep in $(seq 1 "$STARTUP_REPS"); do
  if start_app empty "$EMPTY_JAR" "$EMPTY_PORT" "http://127.0.0.1:$EMPTY_PORT/hello" "$RESULTS/startup-empty.log"; then
    echo -e "$rep\tempty\t$APP_STARTUP_MS" >> "$RESULTS/startup.tsv"; stop_app "$APP_PID"
  fi
  d=$(mktemp -d "$WORK/startup-data.XXXXXX")
  if start_app orm "$ORM_JAR" "$ORM_PORT" "http://127.0.0.1:$ORM_PORT/hello" "$RESULTS/startup-orm.log" \
      -Dbench.data-dir="$d"; then
    echo -e "$rep\torm\t$APP_STARTUP_MS" >> "$RESULTS/startup.tsv"; stop_app "$APP_PID"
  fi
  rm -rf "$d"; d=$(mktemp -d "$WORK/startup-data.XXXXXX")
  if start_service "$d" "$RESULTS/startup-service.log"; then
    echo -e "$rep\tservice\t$APP_STARTUP_MS" >> "$RESULTS/startup.tsv"; stop_app "$APP_PID"
  fi
  rm -rf "$d"
  for also in "${ALSO_JARS[@]}"; do
    label=${also%%=*}; d=$(mktemp -d "$WORK/startup-data.XXXXXX")
    if JAR=${also#*=} start_service "$d" "$RESULTS/startup-service-$label.log"; then
      echo -e "$rep\tservice:$label\t$APP_STARTUP_MS" >> "$RESULTS/startup.tsv"; stop_app "$APP_PID"
    fi
    rm -rf "$d"
  done
done

# ---- wrk -------------------------------------------------------------------------------------------------------
# run_wrk DIR NAME PATH [lua]: a measured run, RSS phase "wrk:NAME"
run_wrk() {
  local dir=$1 name=$2 path=$3 lua=${4:-} args
  args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 30s --latency)
  [ -n "$lua" ] && args+=(-s "$lua")
  echo "wrk:$name" > "$dir/phase"
  cmd "wrk ${args[*]} '$BASE$path'   # $name"
  wrk "${args[@]}" "$BASE$path" > "$dir/wrk-$name.txt" 2>&1
  echo "-" > "$dir/phase"
}
warm_wrk() { # DIR PATH [lua]
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout 30s)
  [ -n "${3:-}" ] && args+=(-s "$3")
  wrk "${args[@]}" "$BASE$2" > /dev/null 2>&1
}

# ---- Per size --------------------------------------------------------------------------------------------------
IFS=, read -ra SIZE_LIST <<< "$SIZES"
for N in "${SIZE_LIST[@]}"; do
  S="$RESULTS/size-$N"
  mkdir -p "$S"
  echo "-" > "$S/phase"
  DATA="$WORK/data/n$N-seed$SEED-c$COHORTS_PER_STUDY-o$OUTCOMES_PER_COHORT-chunk$CHUNK"
  if [ ! -f "$DATA/studies.manifest.json" ]; then
    log "size $N: generating"
    rm -rf "$DATA"; mkdir -p "$DATA"
    python3 "$HERE/generate.py" --studies "$N" --seed "$SEED" --cohorts-per-study "$COHORTS_PER_STUDY" \
      --outcomes-per-cohort "$OUTCOMES_PER_COHORT" --chunk-studies "$CHUNK" --out "$DATA/studies.ndjson" \
      2> "$S/generate.log" || die "generate.py"
  fi
  cmd "python3 bench/generate.py --studies $N --seed $SEED --cohorts-per-study $COHORTS_PER_STUDY --outcomes-per-cohort $OUTCOMES_PER_COHORT --chunk-studies $CHUNK --out $DATA/studies.ndjson"
  cp "$DATA/studies.manifest.json" "$S/manifest.json"

  log "size $N: starting the service"
  DATADIR=$(mktemp -d "$WORK/service-data.XXXXXX")
  if ! start_service "$DATADIR" "$S/service.log"; then
    echo "service did not start" > "$S/failed"; rm -rf "$DATADIR"; continue
  fi
  PID=$APP_PID
  echo "$APP_STARTUP_MS" > "$S/startup_ms"
  python3 "$HERE/rss_sampler.py" "$PID" "$S/phase" "$S/rss.tsv" &
  SAMPLER=$!
  STARTED_PIDS+=("$SAMPLER")

  # The ceiling: a constant small JSON of the same process.
  CEILING=/api/v1/version
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$CEILING")" != 200 ]; then
    CEILING=/q/health/live
  fi
  echo "$CEILING" > "$S/ceiling_path"

  # Import, part by part.
  log "size $N: importing"
  echo import > "$S/phase"
  echo -e "part\thttp\tseconds" > "$S/import.tsv"
  cmd "for part in $DATA/studies-part*.ndjson: curl -sS $AUTH_SHOWN -H 'Content-Type: application/x-ndjson' --data-binary @\$part -X POST $BASE/api/v1/import"
  t0=$(date +%s%N)
  ok=1
  for part in "$DATA"/studies-part*.ndjson; do
    r=$(curl -sS -o "$S/import-last.json" -w '%{http_code}\t%{time_total}' "${AUTH_ARGS[@]}" \
        -H 'Content-Type: application/x-ndjson' --data-binary @"$part" -X POST "$BASE/api/v1/import")
    echo -e "$(basename "$part")\t$r" >> "$S/import.tsv"
    cat "$S/import-last.json" >> "$S/import-responses.ndjson"; echo >> "$S/import-responses.ndjson"
    case "$r" in 200*) ;; *) ok=0; log "import of $part answered $r"; break;; esac
  done
  echo $(( ($(date +%s%N) - t0) / 1000000 )) > "$S/import_ms"
  echo "-" > "$S/phase"
  [ "$ok" = 1 ] || { echo "import failed" > "$S/failed"; stop_app "$PID"; rm -rf "$DATADIR"; continue; }

  # Study ids to rotate over: up to 100 from each of the first, middle and last page.
  body=$(curl -s "$BASE/api/v1/studies?size=100&page=0")
  pages=$(echo "$body" | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalPages"])')
  for p in 0 $((pages / 2)) $((pages - 1)); do curl -s "$BASE/api/v1/studies?size=100&page=$p"; echo; done \
    | python3 -c '
import json, sys
ids = sorted({i["id"] for line in sys.stdin if line.strip() for i in json.loads(line)["items"]})
print("-- GET /api/v1/studies/{id}, rotating over %d ids of the imported studies (each wrk thread on its own)" % len(ids))
print("local ids = {%s}" % ",".join(map(str, ids)))
print("local i = 0")
print("request = function()\n  i = i + 1\n  return wrk.format(\"GET\", \"/api/v1/studies/\" .. ids[(i % #ids) + 1])\nend")
' > "$S/study-ids.lua"
  FIRST_ID=$(sed -n 's/^local ids = {\([0-9]*\).*/\1/p' "$S/study-ids.lua")

  ENDPOINTS=(
    "study_by_id|/api/v1/studies/$FIRST_ID|$S/study-ids.lua"
    "list_sle|/api/v1/studies?disease=SLE&sort=-publicationYear&size=50|"
    "list_cd19_auto_p1|/api/v1/studies?target=CD19&cellSource=AUTOLOGOUS&phase=PHASE_1&size=20|"
    "list_q_lupus|/api/v1/studies?q=lupus&yearFrom=2022&sort=key&size=50|"
    "pooled|/api/v1/evidence/pooled?measure=REMISSION&groupBy=disease|"
    "pooled_no_cohorts|/api/v1/evidence/pooled?measure=REMISSION&groupBy=disease&cohorts=false|"
    "summary|/api/v1/evidence/summary|"
  )
  # The first (cold) request of each, then a warm-up, then the measured runs with the ceiling before and after.
  # A refusal's problem details are kept (first-NAME.json) for the report to say why.
  echo -e "name\thttp\tseconds\tbytes\tpath" > "$S/first-request.tsv"
  for e in "ceiling|$CEILING|" "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path lua <<< "$e"
    r=$(curl -s -o "$S/first-body" -w '%{http_code}\t%{time_total}\t%{size_download}' --max-time 300 "$BASE$path")
    case "$r" in 2*) ;; *) head -c 4096 "$S/first-body" > "$S/first-$name.json";; esac
    echo -e "$name\t$r\t$path" >> "$S/first-request.tsv"
  done
  rm -f "$S/first-body"
  log "size $N: warm-up ($WARMUP per endpoint)"
  echo warmup > "$S/phase"
  for e in "ceiling|$CEILING|" "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path lua <<< "$e"
    warm_wrk "$S" "$path" "$lua"
  done
  log "size $N: measuring ($DURATION per endpoint)"
  run_wrk "$S" ceiling_1 "$CEILING"
  for e in "${ENDPOINTS[@]}"; do
    IFS='|' read -r name path lua <<< "$e"
    kill -0 "$PID" 2>/dev/null || break
    run_wrk "$S" "$name" "$path" "$lua"
  done
  run_wrk "$S" ceiling_2 "$CEILING"

  # Export, streamed to nowhere.
  if kill -0 "$PID" 2>/dev/null; then
    log "size $N: exporting"
    echo export > "$S/phase"
    cmd "curl -s -o /dev/null -w '%{http_code} %{time_total} %{size_download}' $BASE/api/v1/export"
    curl -s -o /dev/null -w '%{http_code}\t%{time_total}\t%{size_download}\n' --max-time 3600 "$BASE/api/v1/export" > "$S/export.tsv"
    echo "-" > "$S/phase"
    sleep 1
  else
    echo "service died during the wrk runs" > "$S/failed"
  fi
  stop_app "$PID"
  wait "$SAMPLER" 2>/dev/null
  du -sk "$DATADIR" | cut -f1 > "$S/data_dir_kb"
  rm -rf "$DATADIR"
done

# ---- Statistics alone --------------------------------------------------------------------------------------------
if [ "$STATS" = 1 ]; then
  log "statistics: REML pooling of 10,000 cohorts, Java against metafor"
  cmd "bench/stats/run.sh --k 10000 --seed $SEED --r-timeout $R_TIMEOUT"
  "$HERE/stats/run.sh" --k 10000 --seed "$SEED" --r-timeout "$R_TIMEOUT" --out "$RESULTS/stats.txt" \
    > "$RESULTS/stats.log" 2>&1 || log "statistics timing failed (see results/stats.log)"
fi

echo "loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS/run.env"
python3 "$HERE/report.py" "$RESULTS" > "$SUMMARY" || die "report.py"
log "done: $SUMMARY"
