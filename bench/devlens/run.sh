#!/usr/bin/env bash
# DevLens benchmark on PostgreSQL (issue 12's scale targets), in one run against one server:
#   1. NDJSON import (POST /api/traces, 10 000 lines a call) against a PostgreSQL COPY of the same rows into
#      the same table (the imported rows are exported, deleted, and copied back in);
#   2. GET /api/metrics, /api/insights and /api/profile over 30 days and the sessions list sorted by cost,
#      timed interleaved with GET /health on the same connections, at 10 000 and at 1 million sessions.
# The sessions beyond those imported are generated in SQL (generate-sessions.sql), their daily roll-ups
# recomputed the way the service adds them up (rollups.sql) and their latency sketches built with the
# service's DDSketch settings (Bench.java sketches); the run checks the recomputation against the roll-ups
# the service itself wrote for the imported rows.
#
# Needs: a JDK (JAVA_HOME), a local PostgreSQL that psql/createdb can reach, unzip. Settings (environment):
#   BENCH_PORT (18120)  BENCH_PG_HOST (127.0.0.1)  BENCH_PG_USER (postgres)  BENCH_DB (bench_devlens)
#   BENCH_SMALL (10000)  BENCH_LARGE (1000000)  BENCH_IMPORT (100000 lines)  BENCH_IMPORT_CONNECTIONS (2)
#   BENCH_CALLS (200 timed calls per endpoint and stage)  BENCH_CONNECTIONS (4)  BENCH_WARMUP_SECONDS (30)
#   BENCH_SKIP_BUILD=1 (use target/ as is)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/bench/lib.sh"
port="${BENCH_PORT:-18120}"
pg_host="${BENCH_PG_HOST:-127.0.0.1}"
pg_user="${BENCH_PG_USER:-postgres}"
db="${BENCH_DB:-bench_devlens}"
small="${BENCH_SMALL:-10000}"
large="${BENCH_LARGE:-1000000}"
imported="${BENCH_IMPORT:-100000}"
import_connections="${BENCH_IMPORT_CONNECTIONS:-2}"
calls="${BENCH_CALLS:-200}"
connections="${BENCH_CONNECTIONS:-4}"
warmup="${BENCH_WARMUP_SECONDS:-30}"
java="$BENCH_JAVA"
results="$root/bench/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$results/devlens-$stamp.txt"
work="$(mktemp -d)"
export BENCH_URL="http://127.0.0.1:$port"
export BENCH_API_KEY="clk_bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
mkdir -p "$results"

say() { echo "$*" | tee -a "$out"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }
sql() { psql -h "$pg_host" -U "$pg_user" -v ON_ERROR_STOP=1 -qtA "$@" "$db"; }

# a copy: a build during the run must not change the jar under the running server
cp "$(bench_jar build)" "$work/costlens.jar"
jar="$work/costlens.jar"
unzip -q -j -o "$jar" 'BOOT-INF/lib/sketches-java-*.jar' -d "$work"
bench() { "$java" -cp "$(ls "$work"/sketches-java-*.jar)" "$here/Bench.java" "$@"; }

dropdb -h "$pg_host" -U "$pg_user" --if-exists "$db"
createdb -h "$pg_host" -U "$pg_user" "$db"

cleanup() {
  bench_stop_server
  dropdb -h "$pg_host" -U "$pg_user" --if-exists "$db" || true
  rm -rf "$work"
}
trap cleanup EXIT

# rate limits off: one client makes thousands of calls a minute; batched inserts rewritten, as README advises
SERVER_PORT="$port" COSTLENS_DATA_DIR="$work/data" COSTLENS_ADMIN_API_KEY="$BENCH_API_KEY" \
COSTLENS_PRICING_REFRESH_ENABLED=false COSTLENS_RATELIMIT_ENABLED=false \
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:5432/$db?reWriteBatchedInserts=true" SPRING_DATASOURCE_USERNAME="$pg_user" \
  bench_start_server "$work/server.log" -jar "$jar"
bench_wait_ready "$BENCH_URL/ready"
bench_wait_api_key "$BENCH_URL/api/v1/scenarios" "$BENCH_API_KEY"

start="$(date -u -d "$(date -u +%F) - 28 days" +%FT00:00:00Z)"

# Every roll-up and sketch again from the stored sessions (after SQL changed the sessions).
recompute() {
  sql -c "delete from devlens_daily" -c "delete from devlens_daily_latency"
  sql -v into=devlens_daily -f "$here/rollups.sql"
  sql -c "\\copy (select event_date, repo_slug, latency_ms from devlens_sessions) to stdout" | bench sketches \
    | sql -c "\\copy devlens_daily_latency (event_date, repo_slug, latency_sketch) from pstdin"
  sql -c "vacuum analyze devlens_sessions" -c "vacuum analyze devlens_daily" -c "vacuum analyze devlens_daily_latency"
}

# Times the read endpoints with /health; writes "name count p50 p99" lines to $1.
stage() {
  local rows; rows=$(sql -c "select count(*) from devlens_sessions")
  bench latency "$2" "$calls" "$connections" dev-7 > "$1"
  say ""
  say "$rows sessions ($(sql -c "select count(*) from devlens_daily") daily roll-up rows), $connections connections, $calls timed calls per endpoint after $2 s of them, interleaved:"
  while read -r name count p50 p99; do
    say "  $(printf '%-17s' "$name") p50 $(printf '%8.2f' "$p50") ms  p99 $(printf '%8.2f' "$p99") ms  ($count calls)"
  done < "$1"
}
p99() { awk -v n="$2" '$1 == n { print $4 }' "$1"; }

say "# DevLens benchmark $stamp"
say "host: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $("$java" -version 2>&1 | head -1); PostgreSQL $(sql -c 'show server_version')"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# JIT warm-up of the import path (at least $warmup s), then its rows go again
warm_start=$(now); warm_rounds=0
while [ "$(echo "$(since "$warm_start") < $warmup" | bc)" = 1 ]; do
  bench import 20000 "warm$warm_rounds" "$import_connections" > /dev/null
  warm_rounds=$((warm_rounds + 1))
done
sql -c "delete from devlens_sessions where session_id like 'warm%'"
say "import warm-up: $warm_rounds x 20 000 lines in $(printf %.0f "$(since "$warm_start")") s (deleted again)"

sql -v from=0 -v to="$small" -v start="$start" -f "$here/generate-sessions.sql"
recompute
stage "$work/small.txt" "$warmup"

# Import, then the same rows through COPY into the same table
read -r _ inserted import_seconds import_rate < <(bench import "$imported" imp "$import_connections")
sql -c "create table bench_rollups (like devlens_daily)"
sql -v into=bench_rollups -f "$here/rollups.sql"
differing=$(sql -c "select count(*) from (
  (select event_date, developer_id, repo_slug, model, session_count, accepted_count, error_count, total_tokens,
          priced_count, cost_usd, unpriced_count, round(cast(latency_sum as numeric), 3), first_at, last_at from devlens_daily
   except
   select event_date, developer_id, repo_slug, model, session_count, accepted_count, error_count, total_tokens,
          priced_count, cost_usd, unpriced_count, round(cast(latency_sum as numeric), 3), first_at, last_at from bench_rollups)
  union all
  (select event_date, developer_id, repo_slug, model, session_count, accepted_count, error_count, total_tokens,
          priced_count, cost_usd, unpriced_count, round(cast(latency_sum as numeric), 3), first_at, last_at from bench_rollups
   except
   select event_date, developer_id, repo_slug, model, session_count, accepted_count, error_count, total_tokens,
          priced_count, cost_usd, unpriced_count, round(cast(latency_sum as numeric), 3), first_at, last_at from devlens_daily)) d")
sql -c "drop table bench_rollups"
sql -c "\\copy (select * from devlens_sessions where session_id like 'imp-%') to '$work/imported.copy'"
sql -c "delete from devlens_sessions where session_id like 'imp-%'" -c "vacuum analyze devlens_sessions"
copy_start=$(now)
sql -c "\\copy devlens_sessions from '$work/imported.copy'"
copy_seconds=$(since "$copy_start")
copy_rate=$(echo "$inserted / $copy_seconds" | bc -l)
say ""
say "NDJSON import: $inserted new sessions in $(printf %.2f "$import_seconds") s = $(printf %.0f "$import_rate") sessions/s ($import_connections connections, 10 000 lines a call, roll-ups and sketches included)"
say "PostgreSQL COPY of the same rows into the same table: $(printf %.2f "$copy_seconds") s = $(printf %.0f "$copy_rate") rows/s"
say "import / COPY: $(printf %.2f "$(echo "$import_rate / $copy_rate" | bc -l)") (target >= 0.25)"
say "roll-up rows the import wrote that differ from the same roll-ups recomputed in SQL: $differing"

generated=$((large - small - inserted))
gen_start=$(now)
sql -v from="$small" -v to="$((small + generated))" -v start="$start" -f "$here/generate-sessions.sql"
recompute
say ""
say "generated $generated more sessions in SQL, roll-ups and sketches recomputed, in $(printf %.0f "$(since "$gen_start")") s"
stage "$work/large.txt" 10

say ""
say "p99 at $(sql -c "select count(*) from devlens_sessions") / at $small sessions, and each over /health's p99 in the same stage:"
for name in metrics insights profile sessions_by_cost; do
  a=$(p99 "$work/small.txt" "$name"); b=$(p99 "$work/large.txt" "$name")
  ha=$(p99 "$work/small.txt" health); hb=$(p99 "$work/large.txt" health)
  say "  $(printf '%-17s' "$name") large/small $(printf %.2f "$(echo "$b / $a" | bc -l)") (target <= 1.5)   /health x $(printf %.2f "$(echo "$a / $ha" | bc -l)") small, $(printf %.2f "$(echo "$b / $hb" | bc -l)") large (target <= 5)"
done
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results: bench/results/devlens-$stamp.txt"
