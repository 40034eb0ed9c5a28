#!/usr/bin/env bash
# Benchmarks log ingestion and metrics of the scenarios module against one running server:
#   1. GET /health and POST /ingest with wrk (64 connections, 300-1000 byte messages, 1 in 5 with PII)
#   2. POST /ingest/batch with 10 000 NDJSON messages per call, in messages per second
#   3. GET metrics of scenarios holding 10 k, 1 M and 10 M logs (PostgreSQL only; bulk-loaded with SQL)
#
# Usage (from the repository root, after ./mvnw package):
#   bench/scenarios/run.sh                        # quick-start H2 database, parts 1 and 2
#   DB=postgres PGHOST=127.0.0.1 PGUSER=postgres PGDATABASE=bench_scenarios bench/scenarios/run.sh
# Settings: PORT (8105), DURATION (15s), CONNECTIONS (64), METRIC_SIZES ("10000 1000000 10000000"),
#   PROFILE=1 records a JFR profile of the server during the /ingest run.
# Results go to bench/results/scenarios-<timestamp>/ (not versioned).
set -euo pipefail

cd "$(dirname "$0")/../.."
. bench/lib.sh
PORT=${PORT:-8105}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
DB=${DB:-h2}
METRIC_SIZES=${METRIC_SIZES:-"10000 1000000 10000000"}
KEY=clk_bench-scenarios-key-0123456789abcdefgh
OUT=bench/results/scenarios-$(date -u +%Y%m%dT%H%M%SZ)
BENCH=bench/scenarios
mkdir -p "$OUT/data"

bench_need_wrk
JAR=$(bench_jar if-missing)

export SERVER_PORT=$PORT COSTLENS_DATA_DIR=$OUT/data COSTLENS_ADMIN_API_KEY=$KEY
export COSTLENS_ADMIN_PASSWORD=bench-admin-password
if [ "$DB" = postgres ]; then
  export SPRING_DATASOURCE_URL="jdbc:postgresql://${PGHOST:-127.0.0.1}:${PGPORT:-5432}/${PGDATABASE:?set PGDATABASE}"
  export SPRING_DATASOURCE_USERNAME=${PGUSER:-postgres} SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
fi
bench_start_server "$OUT/server.log" -Xmx2g -XX:+UseG1GC -jar "$JAR"
SERVER=$BENCH_SERVER
trap bench_stop_server EXIT
# up to 10 minutes: a busy shared machine can take minutes to start the server
bench_wait_ready "localhost:$PORT/ready" 600
bench_wait_api_key "localhost:$PORT/api/v1/scenarios" "$KEY"

api() { curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
scenario() {
  local id
  id=$(api -d "{\"name\":\"bench-$1-$RANDOM$RANDOM\"}" "localhost:$PORT/api/v1/scenarios" | sed 's/.*"id":"\([^"]*\)".*/\1/')
  api -X POST "localhost:$PORT/api/v1/scenarios/$id/start" >/dev/null
  echo "$id"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", 100 * a / b }'; }
rps() { grep 'Requests/sec' "$1" | awk '{print $2}'; }
p99() { grep ' 99%' "$1" | awk '{print $2}'; }

export API_KEY=$KEY
echo "== warm-up"
SCENARIO_ID=$(scenario warmup) wrk -t2 -c"$CONNECTIONS" -d5s -s $BENCH/messages.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s $BENCH/health.lua "http://127.0.0.1:$PORT" >/dev/null

echo "== /health, $CONNECTIONS connections, $DURATION"
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s $BENCH/health.lua "http://127.0.0.1:$PORT" | tee "$OUT/health.txt"
echo "== /ingest, $CONNECTIONS connections, $DURATION"
export SCENARIO_ID; SCENARIO_ID=$(scenario ingest)
if [ "${PROFILE:-0}" = 1 ]; then
  ${JAVA_HOME:+$JAVA_HOME/bin/}jcmd $SERVER JFR.start duration=10s filename="$PWD/$OUT/ingest.jfr" settings=profile >/dev/null
fi
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s $BENCH/messages.lua "http://127.0.0.1:$PORT" | tee "$OUT/ingest.txt"
api -X POST "localhost:$PORT/flush" >/dev/null
echo "ingest/health throughput: $(ratio "$(rps "$OUT/ingest.txt")" "$(rps "$OUT/health.txt")") %, ingest p99 $(p99 "$OUT/ingest.txt")" | tee "$OUT/summary.txt"

echo "== /ingest/batch, 10 000 NDJSON messages per call"
awk 'BEGIN { srand(42); for (i = 1; i <= 10000; i++) { n = 300 + int(rand() * 700); s = "batch line " i;
  if (i % 5 == 0) s = s " contact user" i "@example.com"; while (length(s) < n) s = s " lorem ipsum dolor sit amet";
  printf "{\"message\":\"%s\",\"source\":\"bench\"}\n", s } }' >"$OUT/batch.ndjson"
SCENARIO_ID=$(scenario batch) BATCH_FILE=$OUT/batch.ndjson \
  wrk -t2 -c4 -d"$DURATION" --latency --timeout 60s -s $BENCH/batch.lua "http://127.0.0.1:$PORT" | tee "$OUT/batch.txt"
echo "batch: $(awk -v r="$(rps "$OUT/batch.txt")" 'BEGIN { printf "%.0f", r * 10000 }') messages/s" | tee -a "$OUT/summary.txt"

if [ "$DB" = postgres ]; then
  for size in $METRIC_SIZES; do
    # a database kept from an earlier run already holds the data set: reuse it
    SCENARIO_ID=$(psql -Atc "select id from scenarios where name like 'bench-metrics-$size-%' and total_requests = $size limit 1")
    if [ -z "$SCENARIO_ID" ]; then
      SCENARIO_ID=$(scenario "metrics-$size")
      echo "== loading $size logs over 30 days (720 hourly roll-ups) into $SCENARIO_ID"
      psql -q -v ON_ERROR_STOP=1 -v sid="$SCENARIO_ID" -v n="$size" -v start='2026-10-01 00:00:00+00' \
        -f $BENCH/load-logs.sql
    fi
    echo "== metrics of $SCENARIO_ID ($size logs)"
    wrk -t1 -c4 -d"$DURATION" --latency -s $BENCH/metrics.lua "http://127.0.0.1:$PORT" | tee "$OUT/metrics-$size.txt"
    echo "metrics with $size logs: $(rps "$OUT/metrics-$size.txt") req/s, p99 $(p99 "$OUT/metrics-$size.txt")" | tee -a "$OUT/summary.txt"
  done
fi
echo "== summary ($OUT/summary.txt)"
cat "$OUT/summary.txt"
