#!/usr/bin/env bash
# Ingestion throughput while the log-retention job deletes, against the same throughput without it.
#   1. starts the packaged jar on a new PostgreSQL database (retention age 30 days, checks every second
#      for due jobs), bulk-loads OLD_LOGS logs 60-90 days old into one scenario (bench/scenarios/load-logs.sql);
#   2. POST /ingest with wrk into another scenario: warm-up, then WINDOW without retention;
#   3. makes scenario-log-retention due now, waits until it has started, and runs the same wrk WINDOW
#      while it deletes (the run must still be going when wrk ends, which the script checks);
#   4. WINDOW again once it has finished. The ratio is the run during retention over the mean of the two
#      runs without it, raw and per request of a light /api/v2/health/live probe run beside /ingest in each
#      window (so that windows compare on a machine whose other load changes from minute to minute).
#
# Usage (repository root, after ./mvnw package): PGHOST=127.0.0.1 PGUSER=postgres bench/retention/run.sh
# Settings: PORT (18510), OLD_LOGS (3000000), WARMUP (30s), WINDOW (30s), CONNECTIONS (32),
#   BATCH_SIZE (5000), BATCH_PAUSE (20ms). The database is dropped at the end (KEEP=1 keeps it).
# Results: bench/results/retention-<timestamp>/ (not versioned).
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh

PORT=${PORT:-18510}
OLD_LOGS=${OLD_LOGS:-3000000}
WARMUP=${WARMUP:-30s}
WINDOW=${WINDOW:-30s}
CONNECTIONS=${CONNECTIONS:-32}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
DATABASE=bench_retention_$(date -u +%Y%m%d%H%M%S)
KEY=clk_bench-retention-key-0123456789abcdefg
OUT=bench/results/retention-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT/data"

bench_need_wrk
JAR=$(bench_jar existing)

createdb "$DATABASE"
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE?reWriteBatchedInserts=true"
export SPRING_DATASOURCE_USERNAME=${PGUSER:-postgres} SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
export SERVER_PORT=$PORT COSTLENS_DATA_DIR=$OUT/data COSTLENS_ADMIN_API_KEY=$KEY
export COSTLENS_ADMIN_PASSWORD=bench-admin-password
export COSTLENS_SCENARIOS_RETENTION_AGE=30d
export COSTLENS_SCENARIOS_RETENTION_BATCH_SIZE=${BATCH_SIZE:-5000}
export COSTLENS_SCENARIOS_RETENTION_BATCH_PAUSE=${BATCH_PAUSE:-20ms}
export DB_SCHEDULER_POLLING_INTERVAL=1s
bench_start_server "$OUT/server.log" -Xmx2g -XX:+UseG1GC -jar "$JAR"
cleanup() {
	bench_stop_server
	[ "${KEEP:-0}" = 1 ] || dropdb --if-exists "$DATABASE"
}
trap cleanup EXIT
bench_wait_ready "localhost:$PORT/ready" 240
bench_wait_api_key "localhost:$PORT/api/v1/scenarios" "$KEY"

api() { curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
scenario() {
	local id
	id=$(api -d "{\"name\":\"bench-retention-$1-$RANDOM$RANDOM\"}" "localhost:$PORT/api/v1/scenarios" \
		| sed 's/.*"id":"\([^"]*\)".*/\1/')
	api -X POST "localhost:$PORT/api/v1/scenarios/$id/start" >/dev/null
	echo "$id"
}
rps() { grep 'Requests/sec' "$1" | awk '{print $2}'; }
p99() { grep ' 99%' "$1" | awk '{print $2}'; }
old_logs() { psql -d "$DATABASE" -Atc "select count(*) from scenario_logs where received_at < now() - interval '30 days'"; }
ingest() {
	# /ingest, and beside it a light probe of /api/v2/health/live (no database) that shows how much CPU the
	# machine left the server in the same window
	wrk -t1 -c2 -d"$1" -s bench/retention/live.lua "http://127.0.0.1:$PORT" > "${2%.txt}-live.txt" &
	local probe=$!
	wrk -t2 -c"$CONNECTIONS" -d"$1" --latency -s bench/scenarios/messages.lua "http://127.0.0.1:$PORT" | tee "$2"
	wait "$probe"
}
normalized() { awk -v i="$(rps "$1")" -v l="$(rps "${1%.txt}-live.txt")" 'BEGIN { printf "%.3f", i / l }'; }

# the first start ran the retention job once already, on the empty database
for _ in $(seq 1 60); do grep -q 'Job scenario-log-retention .* finished' "$OUT/server.log" && break; sleep 1; done
echo "== loading $OLD_LOGS logs 60-90 days old"
OLD=$(scenario old)
psql -d "$DATABASE" -q -v ON_ERROR_STOP=1 -v sid="$OLD" -v n="$OLD_LOGS" \
	-v start="$(date -u -d '-90 days' '+%F %T+00')" -f bench/scenarios/load-logs.sql
echo "old logs: $(old_logs)"

export API_KEY=$KEY SCENARIO_ID
SCENARIO_ID=$(scenario ingest)
echo "== warm-up, $WARMUP"
ingest "$WARMUP" "$OUT/warmup.txt" >/dev/null
echo "== /ingest without retention, $WINDOW"
ingest "$WINDOW" "$OUT/before.txt"

echo "== /ingest while scenario-log-retention deletes, $WINDOW"
psql -d "$DATABASE" -q -c "update scheduled_tasks set execution_time = now() where task_name = 'scenario-log-retention'"
for _ in $(seq 1 60); do
	[ "$(grep -c 'Job scenario-log-retention .* started' "$OUT/server.log")" -ge 2 ] && break
	sleep 0.5
done
before_run=$(old_logs)
ingest "$WINDOW" "$OUT/during.txt"
during_left=$(old_logs)
finished=$(grep -c 'Job scenario-log-retention .* finished' "$OUT/server.log")
[ "$finished" -lt 2 ] || { echo "retention finished before the window ended: raise OLD_LOGS" | tee -a "$OUT/summary.txt"; }

for _ in $(seq 1 600); do
	[ "$(grep -c 'Job scenario-log-retention .* finished' "$OUT/server.log")" -ge 2 ] && break
	sleep 1
done
echo "== /ingest after retention, $WINDOW"
ingest "$WINDOW" "$OUT/after.txt"

{
	echo "old logs before the run: $before_run, left when the window ended: $during_left, after the run: $(old_logs)"
	grep 'Job scenario-log-retention .* finished' "$OUT/server.log" | tail -1 | sed 's/.*Job /Job /'
	for run in before during after; do
		echo "$run: /ingest $(rps "$OUT/$run.txt") req/s (p99 $(p99 "$OUT/$run.txt")), /live probe" \
			"$(rps "$OUT/$run-live.txt") req/s, /ingest per probe request $(normalized "$OUT/$run.txt")"
	done
	awk -v d="$(rps "$OUT/during.txt")" -v b="$(rps "$OUT/before.txt")" -v a="$(rps "$OUT/after.txt")" \
		'BEGIN { printf "raw: during / mean(without) = %.1f %%\n", 200 * d / (b + a) }'
	awk -v d="$(normalized "$OUT/during.txt")" -v b="$(normalized "$OUT/before.txt")" \
		-v a="$(normalized "$OUT/after.txt")" \
		'BEGIN { printf "per probe request: during / mean(without) = %.1f %%\n", 200 * d / (b + a) }'
} | tee -a "$OUT/summary.txt"
