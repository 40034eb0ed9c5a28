#!/usr/bin/env bash
# The request path and batch ingest against their ceilings, start-up and memory: every figure a ratio
# measured in this one run, so the result holds on any machine (details in bench/README.md).
#   1. wrk, 64 connections: a constant answer (a bare servlet in a Tomcat context of its own on the
#      application's embedded Tomcat, outside every filter, Spring Security and MVC; benchmark build only),
#      GET /health, POST /ingest (bench/scenarios/messages.lua) and POST /api/v1/predict-log
#      (bench/predictions/post.lua), after a warm-up, in ROUNDS rounds; the server's resident memory under
#      the /ingest load.
#   2. the throughput of Inspection alone over the batch file's messages on all cores, then
#      POST /ingest/batch (10 000 NDJSON messages per call) with the full answer and with ?response=summary,
#      then PostgreSQL's own floor: the same rows, inspected and formed beforehand, COPYed into scenario_logs
#      (CopyFloor), and from the CPU time per message of both the most the batch could reach on these cores.
#   3. time to ready of a minimal Spring Boot web application (bench/request-path/minimal) and of Costlens,
#      the same JDK, each STARTS times, with and without the JDK's AOT cache.
#
# Needs: a JDK 25 (JAVA_HOME), a local PostgreSQL that psql/createdb reach, wrk (installed when missing).
# Settings (environment): PORT (8140; the minimal application uses PORT+1)  PGHOST (127.0.0.1)
#   PGUSER (postgres)  BENCH_DB (bench_request_path: created and dropped)  WARMUP (120 s, split over the
#   four endpoints; with 40 s the two rounds disagreed)  DURATION (15 s per measurement)  ROUNDS (2)  CONNECTIONS (64)  STARTS (3)
#   PROFILE=1 records JFR profiles of the /health and /ingest runs of the last round
#   SKIP_BUILD=1 uses the jar in target/ as it is; PARTS ("path batch start") picks the parts to run;
#   SERVER_OPTS adds JVM options or -D settings to the server of parts 1 and 2;
#   SERVER_JVM_OPTIONS (the JVM settings the project ships, README "Memory": -Xms64m -Xmx256m
#   -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError) start the server of parts 1 and 2 and Costlens in part 3;
#   SERVER_JVM_OPTIONS= (empty) runs them on the JVM's own defaults; MALLOC_ARENA_MAX (2, as shipped);
#   NMT=1 turns on the JVM's native memory tracking and writes its summary, taken near the end of the last
#   /ingest run, to nmt.txt (the committed total and the largest parts go to the summary).
# Results go to bench/results/request-path-<timestamp>/ (not versioned).
set -euo pipefail

cd "$(dirname "$0")/../.."
. bench/lib.sh
HERE=bench/request-path
PORT=${PORT:-8140}
MIN_PORT=$((PORT + 1))
PGHOST=${PGHOST:-127.0.0.1}
PGUSER=${PGUSER:-postgres}
DB=${BENCH_DB:-bench_request_path}
WARMUP=${WARMUP:-120}
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
STARTS=${STARTS:-3}
# glibc's malloc arenas as the image and the ConfigMap set them (MALLOC_ARENA_MAX= leaves glibc's default)
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}
SERVER_JVM_OPTIONS=${SERVER_JVM_OPTIONS--Xms64m -Xmx256m -XX:NewRatio=3 -XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:TrimNativeHeapInterval=5000 -XX:-TieredCompilation -XX:CompileThresholdScaling=0.2 -XX:+ExitOnOutOfMemoryError}
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}
KEY=clk_bench-request-path-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
OUT=bench/results/request-path-$(date -u +%Y%m%dT%H%M%SZ)
WORK=$(mktemp -d)
mkdir -p "$OUT"
export PGHOST PGUSER

say() { echo "$*" | tee -a "$OUT/summary.txt"; }
# wrk's latency (850.00us, 12.34ms, 1.02s) in milliseconds
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0;
  else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { ms "$(awk '/ 99%/ {print $2}' "$1")"; }
p50() { ms "$(awk '/ 50%/ {print $2}' "$1")"; }
errors() { grep -E 'Non-2xx|Socket errors' "$1" | tr '\n' ' ' || true; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# milliseconds from now until URL answers 200 (the process is started by the caller)
until_ready() {
  local start=$1 url=$2 pid=$3
  while ! curl -sf -o /dev/null "$url"; do
    kill -0 "$pid" 2>/dev/null || { echo "server died" >&2; return 1; }
    sleep 0.02
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

bench_need_wrk
JAR=$(bench_jar build)
JAR=${JAR#"$PWD/"}
[ -f $HERE/minimal/target/minimal-web.jar ] && [ "${SKIP_BUILD:-}" = 1 ] \
  || ./mvnw -q -B -ntp -f $HERE/minimal/pom.xml package
# the benchmark build: the constant servlet and the inspection harness, compiled against the jar's classes
(mkdir -p "$WORK/app" && cd "$WORK/app" && "${JAVA_BIN}jar" xf "$OLDPWD/$JAR")
CP="$WORK/app/BOOT-INF/classes:$WORK/app/BOOT-INF/lib/*"
"${JAVA_BIN}javac" -q -d "$WORK/bench" -cp "$CP" $HERE/constant/costlensbench/*.java \
  $HERE/ceiling/io/costlens/inspection/*.java 2>/dev/null \
  || "${JAVA_BIN}javac" -d "$WORK/bench" -cp "$CP" $HERE/constant/costlensbench/*.java \
    $HERE/ceiling/io/costlens/inspection/*.java
cp -r $HERE/constant/META-INF "$WORK/bench/"

dropdb --if-exists "$DB" && createdb "$DB"
trap 'bench_stop_server; dropdb --if-exists "$DB" || true; rm -rf "$WORK"' EXIT

export SERVER_PORT=$PORT COSTLENS_DATA_DIR=$WORK/data COSTLENS_ADMIN_API_KEY=$KEY
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER
URL=http://127.0.0.1:$PORT

say "# Request path, batch ingest, start-up: $(date -u '+%Y-%m-%d %H:%M UTC')"
say "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB, shared; $("${JAVA_BIN}java" -version 2>&1 | head -1);" \
  "PostgreSQL $(psql -tAc 'show server_version' "$DB"); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
say "server JVM settings: ${SERVER_JVM_OPTIONS:-none, the JVM defaults} ${SERVER_OPTS:-}; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset}"
say "warm-up ${WARMUP} s, then ${ROUNDS} rounds of ${DURATION} s per endpoint, ${CONNECTIONS} connections, wrk -t2"

PARTS=${PARTS:-path batch start}
part() { [[ " $PARTS " == *" $1 "* ]]; }

# ---- 1. the request path, on the benchmark build (default JVM settings)
# shellcheck disable=SC2086
# The admin's tier (enterprise) gets a limit the run never reaches: every request still goes through the
# rate limiter, none is answered 429.
bench_start_server "$OUT/server.log" $SERVER_JVM_OPTIONS ${SERVER_OPTS:-} -Dcostlens.ratelimit.tiers.enterprise.per-minute=1000000000 \
  -Dcostlens.ratelimit.tiers.enterprise.burst=1000000000 ${NMT:+-XX:NativeMemoryTracking=summary} -XX:+FlightRecorder -XX:FlightRecorderOptions:stackdepth=512 -Dloader.path="$WORK/bench" -cp "$JAR" \
  org.springframework.boot.loader.launch.PropertiesLauncher
SERVER=$BENCH_SERVER
bench_wait_ready "$URL/ready" 600
curl -sf "$URL/bench-constant/" >/dev/null || { echo "no constant answer at /bench-constant/" >&2; exit 1; }
bench_wait_api_key "$URL/api/v1/scenarios" "$KEY"
scenario() {
  local id
  id=$(curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' -d "{\"name\":\"bench-$1-$RANDOM\"}" \
    "$URL/api/v1/scenarios" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  [ -n "$id" ] || { echo "could not create a scenario" >&2; return 1; }
  curl -sf -X POST -H "X-API-Key: $KEY" "$URL/api/v1/scenarios/$id/start" >/dev/null
  echo "$id"
}
export API_KEY=$KEY BENCH_API_KEY=$KEY SCENARIO_ID
SCENARIO_ID=$(scenario ingest) || exit 1
constant_lua=$WORK/constant.lua
printf 'request = function() return wrk.format("GET", "/bench-constant/") end\n' >"$constant_lua"
health_lua=bench/scenarios/health.lua
ingest_lua=bench/scenarios/messages.lua
predict_lua=bench/predictions/post.lua
# CPU time (clock ticks) used so far by the server (in user mode, in the kernel), by all PostgreSQL processes
# and by the whole machine (every core's non-idle time: the server, PostgreSQL, wrk, the kernel's network work)
cpu_ticks() {
  local pg
  pg=$(pgrep -d' ' -x postgres || true)
  awk '{ printf "%d %d", $14, $15 }' /proc/"$SERVER"/stat
  echo -n " "
  # shellcheck disable=SC2086
  [ -n "$pg" ] && (cd /proc && cat $(printf '%s/stat ' $pg) 2>/dev/null) | awk '{ t += $14 + $15 } END { printf "%d", t }' \
    || echo -n 0
  awk '/^cpu / { printf " %d\n", $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}
# microseconds of CPU time per request of a wrk run (its latency file): the server's (user + kernel),
# PostgreSQL's and the whole machine's
cpu_per_request() {
  awk -v n="$(awk '/^ *[0-9]+ requests in/ {print $1}' "$1")" -v hz="$(getconf CLK_TCK)" \
    '{ u = ($5 - $1) * 1e6 / hz / n; k = ($6 - $2) * 1e6 / hz / n;
       printf "CPU per request: server %.0f us (user %.0f, kernel %.0f), PostgreSQL %.0f us, machine %.0f us", u + k,
         u, k, ($7 - $3) * 1e6 / hz / n, ($8 - $4) * 1e6 / hz / n }' "$1.cpu"
}
run_wrk() { # name lua seconds [latency file]; post.lua posts to the URL's own path
  local url=$URL
  [ "$1" = predict ] && url=$URL/api/v1/predict-log
  if [ -n "${4:-}" ]; then
    local before
    before=$(cpu_ticks)
    wrk -t2 -c"$CONNECTIONS" -d"$3s" --latency -s "$2" "$url" >"$4"
    echo "$before $(cpu_ticks)" >"$4.cpu"
  else
    wrk -t2 -c"$CONNECTIONS" -d"$3s" -s "$2" "$url" >/dev/null
  fi
}
quarter=$(( (WARMUP + 3) / 4 ))
if part path; then
  run_wrk constant "$constant_lua" "$quarter"
  run_wrk health "$health_lua" "$quarter"
  run_wrk ingest "$ingest_lua" "$quarter"
  run_wrk predict "$predict_lua" "$quarter"
fi

rss_max() { # samples the server's resident memory each second while $1 runs; prints the peak in MB
  local peak=0 now
  while kill -0 "$1" 2>/dev/null; do
    now=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$SERVER/status)
    [ "$now" -gt "$peak" ] && peak=$now
    sleep 1
  done
  echo "$peak"
}
part path || ROUNDS=0
for round in $(seq 1 "$ROUNDS"); do
  last=$([ "$round" = "$ROUNDS" ] && echo 1 || echo 0)
  run_wrk constant "$constant_lua" "$DURATION" "$OUT/constant-$round.txt"
  [ "${PROFILE:-0}" = 1 ] && [ $last = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.start name=health settings=profile \
    filename="$PWD/$OUT/health.jfr" >/dev/null
  run_wrk health "$health_lua" "$DURATION" "$OUT/health-$round.txt"
  [ "${PROFILE:-0}" = 1 ] && [ $last = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.stop name=health >/dev/null
  [ "${PROFILE:-0}" = 1 ] && [ $last = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.start name=ingest settings=profile \
    filename="$PWD/$OUT/ingest.jfr" >/dev/null
  run_wrk ingest "$ingest_lua" "$DURATION" "$OUT/ingest-$round.txt" &
  load=$!
  if [ -n "${NMT:-}" ] && [ $last = 1 ]; then
    (sleep $((DURATION > 4 ? DURATION - 3 : 1)); "${JAVA_BIN}jcmd" "$SERVER" VM.native_memory summary >"$OUT/nmt.txt") &
  fi
  rss=$(rss_max $load)
  wait $load
  if grep -q Non-2xx "$OUT/ingest-$round.txt"; then # say why
    curl -s -H "X-API-Key: $KEY" -H "X-Scenario-ID: $SCENARIO_ID" -H 'Content-Type: application/json' \
      -d '{"message":"why","source":"bench"}' -w ' (HTTP %{http_code})\n' "$URL/ingest" | tee -a "$OUT/summary.txt"
  fi
  [ "${PROFILE:-0}" = 1 ] && [ $last = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.stop name=ingest >/dev/null
  [ "${PROFILE:-0}" = 1 ] && [ $last = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.start name=predict settings=profile \
    filename="$PWD/$OUT/predict.jfr" >/dev/null
  run_wrk predict "$predict_lua" "$DURATION" "$OUT/predict-$round.txt"
  [ "${PROFILE:-0}" = 1 ] && [ $last = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.stop name=predict >/dev/null
  c=$OUT/constant-$round.txt h=$OUT/health-$round.txt i=$OUT/ingest-$round.txt p=$OUT/predict-$round.txt
  say "round $round (load average $(cut -d' ' -f1 /proc/loadavg)):"
  for f in "$c" "$h" "$i" "$p"; do
    say "  $(basename "$f" "-$round.txt"): $(rps "$f") req/s, p50 $(p50 "$f") ms, p99 $(p99 "$f") ms;" \
      "$(cpu_per_request "$f") $(errors "$f")"
  done
  say "  /health / constant:            $(ratio "$(rps "$h")" "$(rps "$c")")  (goal >= 0.50)"
  say "  /ingest / /health:             $(ratio "$(rps "$i")" "$(rps "$h")")  (goal >= 0.80)"
  say "  /ingest p99 / /health p99:     $(ratio "$(p99 "$i")" "$(p99 "$h")")  (goal <= 1.5)"
  say "  predict-log / /health:         $(ratio "$(rps "$p")" "$(rps "$h")")  (goal >= 0.80)"
  say "  resident memory under /ingest: ${rss} MB peak  (goal <= 400)"
done
if [ -n "${NMT:-}" ] && [ -s "$OUT/nmt.txt" ]; then # committed KB -> MB, the total and the largest parts
  say "native memory tracking near the end of the last /ingest run (committed MB):"
  say "  $(awk '/^Total:/ { match($0, /committed=[0-9]+KB/); t = substr($0, RSTART + 10, RLENGTH - 12);
    printf "total %d", t / 1024 } /^-  */ { name = $0; sub(/^- */, "", name); sub(/ *\(.*/, "", name);
    match($0, /committed=[0-9]+KB/); c = substr($0, RSTART + 10, RLENGTH - 12);
    if (c / 1024 >= 5) printf ", %s %d", name, c / 1024 }' "$OUT/nmt.txt")"
fi

# ---- 2. batch ingest against inspection alone over the same messages
if part batch; then
awk 'BEGIN { srand(42); for (i = 1; i <= 10000; i++) { n = 300 + int(rand() * 700); s = "batch line " i;
  if (i % 5 == 0) s = s " contact user" i "@example.com"; while (length(s) < n) s = s " lorem ipsum dolor sit amet";
  printf "{\"message\":\"%s\",\"source\":\"bench\"}\n", s } }' >"$WORK/batch.ndjson"
ceiling=$("${JAVA_BIN}java" -cp "$CP:$WORK/bench" io.costlens.inspection.InspectionCeiling "$WORK/batch.ndjson" 10 "$DURATION" \
  | awk '/inspection ceiling/ {print $3}')
batch_run() { # query name seconds output
  local before
  before=$(cpu_ticks)
  SCENARIO_ID=$(scenario "batch-$2") BATCH_FILE=$WORK/batch.ndjson BATCH_QUERY=$1 \
    wrk -t2 -c2 -d"$3s" --latency --timeout 60s -s bench/scenarios/batch.lua "$URL" >"$4"
  [ "$4" = /dev/null ] || echo "$before $(cpu_ticks)" >"$4.cpu"
}
# microseconds of CPU time per message of a batch run: the server's, PostgreSQL's, the whole machine's
# (cpu_ticks before and after: server user, server kernel, PostgreSQL, machine)
cpu_per_message() {
  awk -v n="$(awk '/^ *[0-9]+ requests in/ {print $1 * 10000}' "$1")" -v hz="$(getconf CLK_TCK)" \
    '{ printf "CPU per message: server %.1f us, PostgreSQL %.1f us, machine %.1f us",
         ($5 + $6 - $1 - $2) * 1e6 / hz / n, ($7 - $3) * 1e6 / hz / n, ($8 - $4) * 1e6 / hz / n }' "$1.cpu"
}
batch_run "?response=summary" warmup 10 /dev/null
batch_run "" full "$DURATION" "$OUT/batch-full.txt"
[ "${PROFILE:-0}" = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.start name=batch settings=profile \
  filename="$PWD/$OUT/batch.jfr" >/dev/null
batch_run "?response=summary" summary "$DURATION" "$OUT/batch-summary.txt"
[ "${PROFILE:-0}" = 1 ] && "${JAVA_BIN}jcmd" "$SERVER" JFR.stop name=batch >/dev/null
full=$(awk -v r="$(rps "$OUT/batch-full.txt")" 'BEGIN { printf "%.0f", r * 10000 }')
summary=$(awk -v r="$(rps "$OUT/batch-summary.txt")" 'BEGIN { printf "%.0f", r * 10000 }')
# PostgreSQL's own floor: the same messages, inspected and formed into COPY rows beforehand, copied into
# scenario_logs (its indexes) on 2 connections, 10 000 rows and one commit per transaction
"${JAVA_BIN}java" -cp "$CP:$WORK/bench" io.costlens.inspection.CopyFloor "$WORK/batch.ndjson" \
  "jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$DB" "$PGUSER" 2 5 "$DURATION" >"$OUT/copy-floor.txt"
floor=$(awk '/copy floor/ {print $3}' "$OUT/copy-floor.txt")
floor_pg=$(awk '/cpu per row/ {print $(NF-1)}' "$OUT/copy-floor.txt")
# the CPU time one message costs inspection alone (all cores busy) and PostgreSQL alone: on the same cores
# the batch can reach at most cores / (both), whatever the server does around them
inspect_us=$(awk -v c="$ceiling" -v n="$(nproc)" 'BEGIN { printf "%.2f", n * 1e6 / c }')
bound=$(awk -v i="$inspect_us" -v p="$floor_pg" -v n="$(nproc)" 'BEGIN { printf "%.0f", n * 1e6 / (i + p) }')
say "batch (10 000 NDJSON messages per call, 2 connections):"
say "  inspection alone on $(nproc) cores:  $ceiling messages/s ($inspect_us us of CPU per message)"
say "  /ingest/batch, full answer:     $full messages/s = $(ratio "$full" "$ceiling") of the ceiling; $(cpu_per_message "$OUT/batch-full.txt") $(errors "$OUT/batch-full.txt")"
say "  /ingest/batch?response=summary: $summary messages/s = $(ratio "$summary" "$ceiling") of the ceiling (goal >= 0.60); $(cpu_per_message "$OUT/batch-summary.txt") $(errors "$OUT/batch-summary.txt")"
say "  PostgreSQL alone, COPY of the same rows pre-formed (2 connections): $floor rows/s; $(awk '/cpu per row/' "$OUT/copy-floor.txt")"
say "  inspection + PostgreSQL's own insert on the same $(nproc) cores, nothing else: at most $bound messages/s =" \
  "$(ratio "$bound" "$ceiling") of the ceiling"
fi
bench_stop_server

# ---- 3. start-up: time to ready, the same JDK, the application's own jar (not the benchmark build)
part start || { echo "Results in $OUT"; exit 0; }
"${JAVA_BIN}java" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/costlens" >/dev/null
"${JAVA_BIN}java" -Djarmode=tools -jar $HERE/minimal/target/minimal-web.jar extract --destination "$WORK/minimal" >/dev/null
time_to_ready() { # name url java-args...
  local name=$1 url=$2 start pid t
  shift 2
  start=$(date +%s%N)
  "${JAVA_BIN}java" "$@" >>"$OUT/start-$name.log" 2>&1 &
  pid=$!
  t=$(until_ready "$start" "$url" "$pid")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$t"
}
train() { # java-args...: a run that writes the AOT cache when the context has refreshed
  "${JAVA_BIN}java" -Dspring.context.exit=onRefresh "$@" >>"$OUT/train.log" 2>&1 || true
}
train -XX:AOTCacheOutput="$WORK/minimal.aot" -Dserver.port="$MIN_PORT" -jar "$WORK/minimal/minimal-web.jar"
# Costlens as the README's quick start and the container start it: the shipped JVM settings
# shellcheck disable=SC2086
train $SERVER_JVM_OPTIONS -XX:AOTCacheOutput="$WORK/costlens.aot" -jar "$WORK/costlens/$(basename "$JAR")"
m="" c="" ce="" ma="" ca=""
for _ in $(seq 1 "$STARTS"); do
  m="$m $(time_to_ready minimal "http://127.0.0.1:$MIN_PORT/ready" -Dserver.port="$MIN_PORT" -jar $HERE/minimal/target/minimal-web.jar)"
  # shellcheck disable=SC2086
  c="$c $(time_to_ready costlens "$URL/ready" $SERVER_JVM_OPTIONS -jar "$JAR")"
  # shellcheck disable=SC2086
  ce="$ce $(time_to_ready costlens-extracted "$URL/ready" $SERVER_JVM_OPTIONS -jar "$WORK/costlens/$(basename "$JAR")")"
  ma="$ma $(time_to_ready minimal-aot "http://127.0.0.1:$MIN_PORT/ready" -XX:AOTCache="$WORK/minimal.aot" \
    -Dserver.port="$MIN_PORT" -jar "$WORK/minimal/minimal-web.jar")"
  # shellcheck disable=SC2086
  ca="$ca $(time_to_ready costlens-aot "$URL/ready" $SERVER_JVM_OPTIONS -XX:AOTCache="$WORK/costlens.aot" \
    -jar "$WORK/costlens/$(basename "$JAR")")"
done
m=$(echo "$m" | median) c=$(echo "$c" | median) ce=$(echo "$ce" | median) ma=$(echo "$ma" | median) ca=$(echo "$ca" | median)
say "start-up, time from launch to the first 200 of /ready, median of $STARTS (PostgreSQL, migrated);" \
  "Costlens with ${SERVER_JVM_OPTIONS:-the JVM defaults}, the minimal app with the JVM defaults:"
say "  minimal Spring Boot web app (java -jar):   $m ms; with its AOT cache $ma ms"
say "  Costlens, java -jar of the packaged jar:   $c ms = $(ratio "$c" "$m") x minimal"
say "  Costlens, extracted jar (as the container): $ce ms = $(ratio "$ce" "$m") x minimal"
say "  Costlens, extracted with the AOT cache (README): $ca ms = $(ratio "$ca" "$m") x minimal (goal <= 2);" \
  "$(ratio "$ca" "$ma") x minimal with its cache; $(ratio "$ca" "$c") x the packaged jar"
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Results in $OUT"
