#!/usr/bin/env bash
# Soak: 10 minutes of mixed load at about half of the measured maximum against one server on
# PostgreSQL (and Redis when REDIS_URL is set), watching what a leak or a slow drift would show:
#   - resident memory of the server process (sampled every 10 s; target < 400 MB),
#   - heap after a full GC (jcmd GC.run) before and after the soak, and after every young GC (flat = no leak),
#   - p99 latency minute by minute (no drift), and errors (none: non-2xx answers and socket errors).
# Mix (see mixed.lua): 45 % POST /ingest, 25 % POST /api/v2/predict-log, 10 % scenario summary,
# 10 % prediction stats, 5 % audit list, 5 % /health.
#
# Usage (from the repository root, after ./mvnw package):
#   PGDATABASE=soak bench/soak/run.sh                    # the database is created when missing
#   PGDATABASE=soak REDIS_URL=redis://127.0.0.1:6379/3 bench/soak/run.sh
# Settings: JAR (target/costlens-*.jar), PORT (8130), CONNECTIONS (32), WARMUP (30s), MINUTES (10), HEAP (256m), PGHOST, PGUSER.
# Results go to bench/results/soak-<timestamp>/ (not versioned); summary.txt holds the figures.
set -euo pipefail

cd "$(dirname "$0")/../.."
. bench/lib.sh
PORT=${PORT:-8130}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-30s}
MINUTES=${MINUTES:-10}
HEAP=${HEAP:-256m}
KEY=clk_bench-soak-key-0123456789abcdefghijklmn
OUT=bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ)
BENCH=bench/soak
mkdir -p "$OUT/data"

bench_need_wrk
JAR=${JAR:-$(bench_jar if-missing)}
JCMD=$(bench_tool jcmd)

export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
: "${PGDATABASE:?set PGDATABASE to a database of its own}"
psql -d postgres -Atqc "select 1 from pg_database where datname = '$PGDATABASE'" | grep -q 1 || createdb "$PGDATABASE"
export SERVER_PORT=$PORT COSTLENS_DATA_DIR=$OUT/data COSTLENS_ADMIN_API_KEY=$KEY
export COSTLENS_ADMIN_PASSWORD=bench-soak-admin-password COSTLENS_RATELIMIT_ENABLED=false
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$PGDATABASE"
export SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
[ -z "${REDIS_URL:-}" ] || export COSTLENS_REDIS_URL=$REDIS_URL
bench_start_server "$OUT/server.log" -Xmx"$HEAP" -XX:+UseG1GC -Xlog:gc:file="$OUT/gc.log" -jar "$JAR"
SERVER=$BENCH_SERVER
SAMPLER=
trap '[ -z "${SAMPLER:-}" ] || kill $SAMPLER 2>/dev/null || true; bench_stop_server' EXIT
bench_wait_ready "localhost:$PORT/ready"
bench_wait_api_key "localhost:$PORT/api/v1/scenarios" "$KEY"

api() { curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
SCENARIO_ID=$(api -d "{\"name\":\"soak-$RANDOM$RANDOM\"}" "localhost:$PORT/api/v1/scenarios" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -X POST "localhost:$PORT/api/v1/scenarios/$SCENARIO_ID/start" >/dev/null
export SCENARIO_ID API_KEY=$KEY
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status"; }
rps() { grep 'Requests/sec' "$1" | awk '{print $2}'; }
pct() { grep " $2%" "$1" | awk '{print $2}'; }
errors() { grep '^errors' "$1" | awk '{print $2}'; }
full_gc_heap() { # heap in MB after a full GC
  "$JCMD" $SERVER GC.run >/dev/null; sleep 1
  grep 'Pause Full' "$OUT/gc.log" | tail -1 | sed 's/.*->\([0-9]*\)M.*/\1/'
}

echo "== warm-up $WARMUP (JIT), then the maximum over 30 s, $CONNECTIONS connections"
DELAY_MS=0 wrk -t2 -c"$CONNECTIONS" --timeout 10s -d"$WARMUP" -s $BENCH/mixed.lua "http://127.0.0.1:$PORT" >"$OUT/warmup.txt"
DELAY_MS=0 wrk -t2 -c"$CONNECTIONS" --timeout 10s -d30s --latency -s $BENCH/mixed.lua "http://127.0.0.1:$PORT" | tee "$OUT/max.txt"
MAX=$(rps "$OUT/max.txt")
# half the maximum: each connection sends one request per 2 * CONNECTIONS/MAX s (at half load the
# answer itself takes little of that, so the pause is the whole of it)
DELAY=$(awk -v c="$CONNECTIONS" -v r="$MAX" 'BEGIN { printf "%d", 2000 * c / r }')
HEAP_BEFORE=$(full_gc_heap)
echo "max $MAX req/s; soak at about half: $DELAY ms between requests per connection; heap after full GC $HEAP_BEFORE MB"

( while kill -0 $SERVER 2>/dev/null; do echo "$(date -u +%s) $(rss)"; sleep 10; done ) >"$OUT/rss.txt" &
SAMPLER=$!
GC_FROM=$(wc -l <"$OUT/gc.log")
printf '%-7s %9s %9s %9s %7s %8s\n' minute 'req/s' 'p50' 'p99' errors 'RSS MB' | tee "$OUT/minutes.txt"
for minute in $(seq 1 "$MINUTES"); do
  DELAY_MS=$DELAY wrk -t2 -c"$CONNECTIONS" --timeout 10s -d60s --latency -s $BENCH/mixed.lua "http://127.0.0.1:$PORT" >"$OUT/minute-$minute.txt"
  f=$OUT/minute-$minute.txt
  printf '%-7s %9s %9s %9s %7s %8s\n' "$minute" "$(rps "$f")" "$(pct "$f" 50)" "$(pct "$f" 99)" "$(errors "$f")" "$(rss)" \
    | tee -a "$OUT/minutes.txt"
done
kill $SAMPLER 2>/dev/null || true
HEAP_AFTER=$(full_gc_heap)
tail -n +"$((GC_FROM + 1))" "$OUT/gc.log" | grep 'Pause Young' | sed 's/.*->\([0-9]*\)M.*/\1/' >"$OUT/young-after.txt"
YOUNG=$(awk '{ a[NR] = $1 } END { q = int(NR / 4); if (q < 1) { print "n/a"; exit }
  for (i = 1; i <= q; i++) f += a[i]; for (i = NR - q + 1; i <= NR; i++) l += a[i];
  printf "%.0f MB in the first quarter, %.0f MB in the last (%d young GCs)", f / q, l / q, NR }' "$OUT/young-after.txt")
{
  echo "max (30 s, $CONNECTIONS connections): $MAX req/s; soak paced at $DELAY ms per connection"
  echo "soak: $MINUTES minutes, $(awk 'NR > 1 { s += $2; n++ } END { printf "%.0f", s / n }' "$OUT/minutes.txt") req/s on average"
  echo "errors: $(awk 'NR > 1 { s += $5 } END { print s }' "$OUT/minutes.txt")"
  echo "p99 first minute $(awk 'NR == 2 { print $4 }' "$OUT/minutes.txt"), last minute $(awk 'END { print $4 }' "$OUT/minutes.txt"), highest $(awk 'NR > 1 { print $4 }' "$OUT/minutes.txt" | sort -h | tail -1)"
  echo "resident memory: max $(awk '{ if ($2 > m) m = $2 } END { print m }' "$OUT/rss.txt") MB (samples every 10 s), at the end $(rss) MB"
  echo "heap after full GC: $HEAP_BEFORE MB before the soak, $HEAP_AFTER MB after"
  echo "heap after young GCs: $YOUNG"
} | tee "$OUT/summary.txt"
