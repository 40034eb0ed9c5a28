#!/usr/bin/env bash
# Server-side render time of the dashboard's pages against /health in the same run, with
# 10 000 scenarios and 1 000 000 logs in PostgreSQL (bulk-loaded with SQL, everything paged) and
# 100 000 developer sessions (imported through POST /api/traces), 90 000 predictions and 90 days of
# OpenRouter usage for one (made-up) key:
# a signed-in session, 30 s of warm-up over every page, then each page and /health for DURATION.
#
# Usage (from the repository root, after ./mvnw package):
#   PGDATABASE=bench_dashboard bench/dashboard/run.sh
# Settings: PORT (18450), DURATION (15s), CONNECTIONS (8), WARMUP (30s), PGHOST (127.0.0.1), PGUSER (postgres),
# LOAD_ONLY (1: load the database, then stop without measuring, e.g. to profile against it),
# ONLY (an extended regular expression: warm up and measure only the pages whose path matches it; /health always).
# The database is created when missing and loaded once; a later run reuses it.
# Results go to bench/results/dashboard-<timestamp>/ (not versioned).
set -euo pipefail

cd "$(dirname "$0")/../.."
. bench/lib.sh
PORT=${PORT:-18450}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-8}
WARMUP=${WARMUP:-30s}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-bench_dashboard}
PASSWORD=bench-dashboard-password
OUT=bench/results/dashboard-$(date -u +%Y%m%dT%H%M%SZ)
BENCH=bench/dashboard
mkdir -p "$OUT/data"

bench_need_wrk
psql -d postgres -Atc "select 1 from pg_database where datname = '$PGDATABASE'" | grep -q 1 \
  || psql -d postgres -qc "create database $PGDATABASE"
JAR=$(bench_jar if-missing)

export SERVER_PORT=$PORT COSTLENS_DATA_DIR=$OUT/data COSTLENS_ADMIN_PASSWORD=$PASSWORD
export COSTLENS_ADMIN_API_KEY=clk_bench-dashboard-key-0123456789abcdefg
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$PGDATABASE"
export SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
bench_start_server "$OUT/server.log" -Xmx2g -XX:+UseG1GC -jar "$JAR"
trap bench_stop_server EXIT
bench_wait_ready "localhost:$PORT/ready"

if [ "$(psql -Atc "select count(*) from scenarios where name like 'bench-%'")" -lt 10000 ]; then
  echo "== loading 10 000 scenarios and 1 000 000 logs"
  psql -q -v ON_ERROR_STOP=1 -v scenarios=10000 -v logs_per_scenario=100 -f $BENCH/load.sql
fi
if [ "$(psql -Atc "select count(*) from devlens_sessions")" -lt 100000 ]; then
  echo "== importing 100 000 developer sessions (50 developers, 5 repositories, 4 models, 30 days) through POST /api/traces"
  DAYS=$(for d in $(seq 1 30); do date -u -d "-$d days" +%F; done | paste -sd,)
  for batch in $(seq 0 19); do
    awk -v batch="$batch" -v days="$DAYS" 'BEGIN {
      split(days, day, ","); split("anthropic/claude-haiku-4-5,anthropic/claude-sonnet-4-5,openai/gpt-4.1,local/unpriced-model", model, ",")
      for (i = 0; i < 5000; i++) {
        n = batch * 5000 + i
        printf "{\"timestamp\":\"%sT%02d:%02d:%02dZ\",\"usage\":{\"input_tokens\":%d,\"output_tokens\":%d},", day[1 + n % 30], n % 24, n % 60, (n * 7) % 60, 200 + n % 3000, 50 + n % 900
        printf "\"attributes\":{\"llm.model_name\":\"%s\",\"status_code\":%d,\"latency_ms\":%d,\"prod_lens.accepted\":%s,\"accepted_lines\":%d},", model[1 + n % 4], (n % 23 == 0) ? 500 : 200, 300 + n % 4000, (n % 3 == 0) ? "false" : "true", n % 40
        printf "\"metadata\":{\"developer_id\":\"dev-%03d\",\"session_id\":\"bench-session-%06d\",\"repo\":\"acme/repo-%d\"}}\n", n % 50, n, n % 5
      } }' | curl -sf -o /dev/null -H "X-API-Key: $COSTLENS_ADMIN_API_KEY" -H 'Content-Type: application/x-ndjson' \
        --data-binary @- "localhost:$PORT/api/traces" || { echo "trace import failed"; exit 1; }
  done
fi
if [ "$(psql -Atc "select count(*) from predictions")" -lt 90000 ]; then
  echo "== logging 90 000 predictions (3 models, 30 days) through POST /api/v1/predict-log/batch"
  for batch in $(seq 0 8); do
    awk -v batch="$batch" 'BEGIN {
      split("churn-v2,fraud-score-v7,price-estimate-v1", model, ","); printf "["
      for (i = 0; i < 10000; i++) {
        n = batch * 10000 + i; t = systime() - (n % 2592000)
        printf "%s{\"model_name\":\"%s\",\"duration_ms\":%d,\"was_successful\":%s,\"timestamp\":\"%s\"}", (i ? "," : ""), model[1 + n % 3], 5 + n % 400, (n % 17 == 0) ? "false" : "true", strftime("%Y-%m-%dT%H:%M:%SZ", t, 1)
      }
      printf "]" }' | curl -sf -o /dev/null -H "X-API-Key: $COSTLENS_ADMIN_API_KEY" -H 'Content-Type: application/json' \
        --data-binary @- "localhost:$PORT/api/v1/predict-log/batch" || { echo "prediction import failed"; exit 1; }
  done
fi
if [ "$(psql -Atc "select count(*) from usage_stats")" -lt 450 ]; then
  echo "== adding an OpenRouter key (made up: nothing calls OpenRouter) with 90 days of usage of 5 models"
  KEY_ID=$(curl -sf -H "X-API-Key: $COSTLENS_ADMIN_API_KEY" -H 'Content-Type: application/json' \
    -d '{"name":"bench-openrouter","key":"sk-or-v1-bench0123456789abcdef0123456789abcdef0123456789abcdef","provider":"openrouter"}' \
    "localhost:$PORT/api/keys" | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
  psql -q -v ON_ERROR_STOP=1 -c "insert into usage_stats (api_key_id, usage_date, model, user_id, requests_count, tokens_input, tokens_output, cost, synced_at)
    select k.id, current_date - d, 'openai/model-' || m, k.user_id, 100 + d * m, 10000 * m, 2000 * m, 0.5 * m + d / 100.0, now()
    from provider_keys k, generate_series(0, 89) d, generate_series(1, 5) m where k.id = '$KEY_ID'"
fi
# a deployed PostgreSQL runs autovacuum, which keeps the planner's statistics and the visibility map (index-only
# scans) up to date; a server with it off (as on some test machines) would plan on no statistics at all
echo "== vacuum and analyze (autovacuum is $(psql -Atc "show autovacuum") on this server)"
psql -qc "vacuum (analyze)"
echo "data: $(psql -Atc "select count(*) from scenarios") scenarios, $(psql -Atc "select count(*) from scenario_logs") logs, $(psql -Atc "select count(*) from scenario_rollups") roll-up rows, $(psql -Atc "select count(*) from devlens_sessions") developer sessions, $(psql -Atc "select count(*) from predictions") predictions, $(psql -Atc "select count(*) from usage_stats") provider usage rows" | tee "$OUT/summary.txt"
[ "${LOAD_ONLY:-}" = 1 ] && exit 0

bench_ui_sign_in "$OUT/cookies" "$PASSWORD"
SID=$(psql -Atc "select id from scenarios where name = 'bench-05000'")
ADMIN_ID=$(psql -Atc "select id from users where username = 'admin'")
# a session the sessions page links to (as a user would open it)
SESSION_PAGE=$(curl -s -b "$SESSION_COOKIE" "localhost:$PORT/ui/developers/sessions" | grep -o '/ui/developers/sessions/[^"?#]*' | head -1)
REPORT_ID=$(psql -Atc "select id from reports order by created_at limit 1")
if [ -z "$REPORT_ID" ]; then
  REPORT_ID=$(curl -sf -H "X-API-Key: $COSTLENS_ADMIN_API_KEY" -H 'Content-Type: application/json' -d '{"format":"pdf"}' \
    "localhost:$PORT/api/v2/scenarios/$SID/reports" | sed -n 's/.*"report_id":"\([^"]*\)".*/\1/p')
fi

PAGES="/ui/?period=30d /ui/?period=90d /ui/scenarios /ui/scenarios?page=300 /ui/scenarios?q=bench-0420 /ui/scenarios/$SID?period=30d /ui/scenarios/$SID?period=30d&pii=true /ui/predictions /ui/audit /ui/prices /ui/providers /ui/reports /ui/developers /ui/developers?since=30 /ui/developers/sessions /ui/developers/sessions?sort=cost /ui/developers/sessions?developer=dev-007&page=20 /ui/developers/profile?developer=dev-007 $SESSION_PAGE /ui/predictions/fraud-score-v7?period=30d /ui/reports/$REPORT_ID /ui/users /ui/users/$ADMIN_ID /ui/palette?q=bench-042 /ui/login /ui/forgot-password /ui/reset-password"
if [ -n "${ONLY:-}" ]; then
  PAGES=$(for page in $PAGES; do echo "$page"; done | grep -E -- "$ONLY" | paste -sd' ' || true)
  [ -n "$PAGES" ] || { echo "ONLY=$ONLY matches no page"; exit 2; }
fi
echo "== warm-up $WARMUP over every page"
PAGE_PATHS="/health $PAGES" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s $BENCH/warmup.lua "http://127.0.0.1:$PORT" >/dev/null

measure() { PAGE_PATH=$1 wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s $BENCH/page.lua "http://127.0.0.1:$PORT"; }
measure /health | tee "$OUT/health.txt"
HEALTH=$(awk '/^p95_ms/ { print $2 }' "$OUT/health.txt")
echo "/health p95 ${HEALTH} ms" | tee -a "$OUT/summary.txt"
for page in $PAGES; do
  name=$(echo "$page" | tr '/?=&' '____')
  measure "$page" >"$OUT/page$name.txt"
  P95=$(awk '/^p95_ms/ { print $2 }' "$OUT/page$name.txt")
  BAD=$(awk '/^non_2xx/ { print $2 }' "$OUT/page$name.txt")
  awk -v p="$page" -v a="$P95" -v h="$HEALTH" -v bad="$BAD" \
    'BEGIN { printf "%-55s p95 %8.2f ms  = %5.2f x /health p95 %s %s\n", p, a, a / h, (a <= 3 * h) ? "ok" : "OVER 3x", (bad > 0) ? "(" bad " non-2xx!)" : "" }' \
    | tee -a "$OUT/summary.txt"
done
echo "== summary ($OUT/summary.txt)"
cat "$OUT/summary.txt"
