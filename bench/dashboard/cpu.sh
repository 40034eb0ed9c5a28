#!/usr/bin/env bash
# CPU time per request, page by page, of the dashboard's server process and of its PostgreSQL backends
# (utime + stime from /proc/<pid>/stat over a wrk run), at 2 connections so that the machine is not
# saturated, for one jar or several one after the other (e.g. before and after a change) against the
# database bench/dashboard/run.sh loaded. Load average and the figures go to bench/results/dashboard-cpu-<timestamp>/.
#
# Usage (from the repository root, after bench/dashboard/run.sh has loaded the database once):
#   PGDATABASE=bench_dashboard bench/dashboard/cpu.sh
# Settings: JARS (space-separated jars, default the newest target/costlens-*.jar), PAGES (space-separated paths;
# SID in one stands for the scenario bench-05000), DURATION (10s), CONNECTIONS (2), WARMUP (20s), PORT (18451),
# PGHOST (127.0.0.1), PGUSER (postgres).
set -euo pipefail

cd "$(dirname "$0")/../.."
. bench/lib.sh
PORT=${PORT:-18451}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-2}
WARMUP=${WARMUP:-20s}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-bench_dashboard}
PASSWORD=bench-dashboard-password
PAGES=${PAGES:-/health /ui/?period=30d /ui/audit /ui/scenarios/SID?period=30d /ui/developers/profile?developer=dev-007 /ui/login}
OUT=bench/results/dashboard-cpu-$(date -u +%Y%m%dT%H%M%SZ)
BENCH=bench/dashboard
HZ=$(getconf CLK_TCK)
mkdir -p "$OUT/data"

bench_need_wrk
[ "$(psql -Atc "select count(*) from scenarios where name like 'bench-%'")" -ge 10000 ] \
  || { echo "load the database first: PGDATABASE=$PGDATABASE bench/dashboard/run.sh" >&2; exit 2; }
JARS=${JARS:-$(bench_jar existing)}
SID=$(psql -Atc "select id from scenarios where name = 'bench-05000'")
PAGES=${PAGES//SID/$SID}

export SERVER_PORT=$PORT COSTLENS_DATA_DIR=$OUT/data COSTLENS_ADMIN_PASSWORD=$PASSWORD
export COSTLENS_ADMIN_API_KEY=clk_bench-dashboard-key-0123456789abcdefg
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$PGDATABASE"
export SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
trap bench_stop_server EXIT

# clock ticks of user + system time of the given processes
ticks() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$total"
}

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/summary.txt"
for jar in $JARS; do
  echo "== $jar" | tee -a "$OUT/summary.txt"
  bench_start_server "$OUT/server-$(basename "$(dirname "$(dirname "$jar")")").log" -Xmx2g -XX:+UseG1GC -jar "$jar"
  bench_wait_ready "localhost:$PORT/ready"
  bench_ui_sign_in "$OUT/cookies" "$PASSWORD"
  PAGE_PATHS="$PAGES" wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s $BENCH/warmup.lua "http://127.0.0.1:$PORT" > /dev/null
  BACKENDS=$(psql -Atc "select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend' and pid <> pg_backend_pid()" | paste -sd' ')
  for page in $PAGES; do
    server0=$(ticks "$BENCH_SERVER")
    pg0=$(ticks $BACKENDS)
    result=$(PAGE_PATH=$page wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s $BENCH/page.lua "http://127.0.0.1:$PORT")
    server1=$(ticks "$BENCH_SERVER")
    pg1=$(ticks $BACKENDS)
    requests=$(echo "$result" | awk '/requests in/ { print $1 }')
    p95=$(echo "$result" | awk '/^p95_ms/ { print $2 }')
    bad=$(echo "$result" | awk '/^non_2xx/ { print $2 }')
    awk -v p="$page" -v n="$requests" -v s=$((server1 - server0)) -v g=$((pg1 - pg0)) -v hz="$HZ" -v p95="$p95" -v bad="$bad" \
      'BEGIN { printf "%-55s %8d req  server %.3f ms  postgres %.3f ms CPU/request  p95 %.2f ms %s\n", p, n, s * 1000 / hz / n, g * 1000 / hz / n, p95, (bad > 0) ? "(" bad " non-2xx!)" : "" }' \
      | tee -a "$OUT/summary.txt"
  done
  bench_stop_server
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
