#!/usr/bin/env bash
# Predictions benchmark on PostgreSQL: load 10 million predictions through the batch
# endpoint, time GET /api/v1/stats at 10 k, 1 M and 10 M rows, then compare
# POST /api/v1/predict-log with GET /health under wrk (64 connections) in the same run.
#
# Needs: a JDK (JAVA_HOME), a local PostgreSQL that psql/createdb can reach, wrk (installed
# from the distribution when missing). Settings (environment):
#   BENCH_PORT (8104)  BENCH_PG_HOST (127.0.0.1)  BENCH_PG_USER (postgres)  BENCH_DB (bench_predictions)
#   BENCH_ROWS ("10000 1000000 10000000": cumulative stages)  BENCH_WRK_SECONDS (20)  BENCH_STATS_CALLS (200)
#   BENCH_SKIP_BUILD=1 (use the jar in target/ as it is)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/bench/lib.sh"
port="${BENCH_PORT:-8104}"
pg_host="${BENCH_PG_HOST:-127.0.0.1}"
pg_user="${BENCH_PG_USER:-postgres}"
db="${BENCH_DB:-bench_predictions}"
stages="${BENCH_ROWS:-10000 1000000 10000000}"
wrk_seconds="${BENCH_WRK_SECONDS:-20}"
calls="${BENCH_STATS_CALLS:-200}"
java="$BENCH_JAVA"
results="$root/bench/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$results/predictions-$stamp.txt"
work="$(mktemp -d)"
export BENCH_URL="http://127.0.0.1:$port"
export BENCH_API_KEY="clk_bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
mkdir -p "$results"

say() { echo "$*" | tee -a "$out"; }

bench_need_wrk
jar="$(bench_jar build)"

dropdb -h "$pg_host" -U "$pg_user" --if-exists "$db"
createdb -h "$pg_host" -U "$pg_user" "$db"

cleanup() {
  bench_stop_server
  dropdb -h "$pg_host" -U "$pg_user" --if-exists "$db" || true
  rm -rf "$work"
}
trap cleanup EXIT

SERVER_PORT="$port" COSTLENS_DATA_DIR="$work/data" COSTLENS_ADMIN_API_KEY="$BENCH_API_KEY" \
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:5432/$db?reWriteBatchedInserts=true" \
SPRING_DATASOURCE_USERNAME="$pg_user" \
  bench_start_server "$work/server.log" -jar "$jar"
# up to 10 minutes: a busy shared machine can take minutes to start the server
bench_wait_ready "$BENCH_URL/ready" 600
bench_wait_api_key "$BENCH_URL/api/v1/predictions" "$BENCH_API_KEY"

say "# Predictions benchmark $stamp"
say "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $("$java" -version 2>&1 | head -1); PostgreSQL $(psql -h "$pg_host" -U "$pg_user" -tAc 'show server_version' "$db")"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

loaded=0
for total in $stages; do
  add=$((total - loaded))
  say "$("$java" "$here/Bench.java" load "$add")"
  loaded=$total
  psql -h "$pg_host" -U "$pg_user" -qc "vacuum analyze" "$db"
  say "$("$java" "$here/Bench.java" stats "$calls" "$loaded")"
done
say "rows in predictions: $(psql -h "$pg_host" -U "$pg_user" -tAc 'select count(*) from predictions' "$db"), roll-up rows: $(psql -h "$pg_host" -U "$pg_user" -tAc 'select count(*) from prediction_rollups' "$db")"

wrk_run() {
  wrk -t2 -c64 -d"${wrk_seconds}s" --latency "$@"
}
# 5 s of each first, so that both are measured with their code compiled
wrk -t2 -c64 -d5s -s "$here/post.lua" "$BENCH_URL/api/v1/predict-log" > /dev/null
wrk -t2 -c64 -d5s "$BENCH_URL/health" > /dev/null
wrk_run -s "$here/post.lua" "$BENCH_URL/api/v1/predict-log" > "$work/post.txt"
wrk_run "$BENCH_URL/health" > "$work/health.txt"
post_rps="$(awk '/Requests\/sec/ {print $2}' "$work/post.txt")"
health_rps="$(awk '/Requests\/sec/ {print $2}' "$work/health.txt")"
post_errors="$(grep -E 'Non-2xx|Socket errors' "$work/post.txt" || true)"
say "wrk POST /api/v1/predict-log, 64 connections, ${wrk_seconds} s: $post_rps req/s, latency p50 $(awk '/ 50%/ {print $2}' "$work/post.txt") p99 $(awk '/ 99%/ {print $2}' "$work/post.txt") ${post_errors}"
say "wrk GET /health,             64 connections, ${wrk_seconds} s: $health_rps req/s, latency p50 $(awk '/ 50%/ {print $2}' "$work/health.txt") p99 $(awk '/ 99%/ {print $2}' "$work/health.txt")"
say "predict-log / health: $(awk -v a="$post_rps" -v b="$health_rps" 'BEGIN {printf "%.2f", a / b}')"
logged="$(psql -h "$pg_host" -U "$pg_user" -tAc "select count(*) from predictions where model_name like 'wrk-model-%'" "$db")"
say "predictions stored by wrk, warm-up included: $logged (the measured run counted $(awk '/requests in/ {print $1}' "$work/post.txt") responses)"
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Results in $out"
