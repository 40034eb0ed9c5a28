#!/usr/bin/env bash
# Reports benchmark on PostgreSQL: 1 million logs of one scenario exported as a per-log CSV report
# (request -> job -> stored in the database -> downloaded) against `psql \copy (...) to` of the same rows
# and columns, with the server's heap sampled throughout (it runs with a heap far smaller than the CSV);
# then the PDF of the same scenario (720 hourly buckets) against the metrics call of that scenario (the PDF's
# generation time, as the job logs it, over the median time of one `GET .../metrics`).
#
# Needs: a JDK (JAVA_HOME), a local PostgreSQL that psql/createdb can reach. Settings (environment):
#   BENCH_PORT (18110)  BENCH_PG_HOST (127.0.0.1)  BENCH_PG_USER (postgres)  BENCH_DB (bench_reports)
#   BENCH_LOGS (1000000)  BENCH_HEAP (256m)  BENCH_WARMUP_SECONDS (30)  BENCH_SKIP_BUILD=1 (use target/ as is)
#   BENCH_JAR (a jar to run instead of the one in target/)
#   BENCH_JVM_OPTIONS (the server's JVM options instead of -Xmx$BENCH_HEAP, e.g. the ones Costlens ships,
#   README "Memory"; give MALLOC_ARENA_MAX=2 with them as the image does)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
. "$root/bench/lib.sh"
port="${BENCH_PORT:-18110}"
pg_host="${BENCH_PG_HOST:-127.0.0.1}"
pg_user="${BENCH_PG_USER:-postgres}"
db="${BENCH_DB:-bench_reports}"
logs="${BENCH_LOGS:-1000000}"
heap="${BENCH_HEAP:-256m}"
jvm_options="${BENCH_JVM_OPTIONS:--Xmx$heap}"
warmup="${BENCH_WARMUP_SECONDS:-30}"
java="$BENCH_JAVA"
jstat="$(bench_tool jstat)"
results="$root/bench/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$results/reports-$stamp.txt"
work="$(mktemp -d)"
url="http://127.0.0.1:$port"
key="clk_bench-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
mkdir -p "$results"

say() { echo "$*" | tee -a "$out"; }
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc -l; }
api() { curl -sf -H "X-API-Key: $key" -H 'Content-Type: application/json' "$@"; }
field() { sed -E "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/"; }

jar="${BENCH_JAR:-$(bench_jar build)}"
# a copy: a build during the run must not change the jar under the running server
cp "$jar" "$work/costlens.jar"
jar="$work/costlens.jar"

dropdb -h "$pg_host" -U "$pg_user" --if-exists "$db"
createdb -h "$pg_host" -U "$pg_user" "$db"

sampler=""
cleanup() {
  if [ -n "$sampler" ]; then kill "$sampler" 2> /dev/null || true; fi
  bench_stop_server
  dropdb -h "$pg_host" -U "$pg_user" --if-exists "$db" || true
  rm -rf "$work"
}
trap cleanup EXIT

# shellcheck disable=SC2086 # the JVM options are words
SERVER_PORT="$port" COSTLENS_DATA_DIR="$work/data" COSTLENS_ADMIN_API_KEY="$key" \
COSTLENS_PRICING_REFRESH_ENABLED=false \
SPRING_DATASOURCE_URL="jdbc:postgresql://$pg_host:5432/$db" SPRING_DATASOURCE_USERNAME="$pg_user" \
  bench_start_server "$work/server.log" $jvm_options -Xlog:gc:file="$work/gc.log" -Dcostlens.reports.max-per-minute=1000 -jar "$jar"
server=$BENCH_SERVER
bench_wait_ready "$url/ready"
bench_wait_api_key "$url/api/v1/scenarios" "$key"

say "# Reports benchmark $stamp"
say "host: $(nproc) cores; $("$java" -version 2>&1 | head -1); server JVM options $jvm_options; PostgreSQL $(psql -h "$pg_host" -U "$pg_user" -tAc 'show server_version' "$db")"
say "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

scenario=$(api -X POST "$url/api/v1/scenarios" -d "{\"name\":\"bench-$stamp\",\"region\":\"us-east-1\"}" | field id)
psql -h "$pg_host" -U "$pg_user" -q -v sid="$scenario" -v n="$logs" -f "$here/load-logs.sql" "$db"
say "loaded $logs logs into scenario $scenario ($(psql -h "$pg_host" -U "$pg_user" -tAc "select count(*) from scenario_rollups where scenario_id = '$scenario'" "$db") hourly buckets)"

columns="id, received_at, source, size_bytes, token_count, sqs_blocks, has_pii, pii_types, message_hash, message_preview"
copy() {
  psql -h "$pg_host" -U "$pg_user" -q "$db" -c "\\copy (select $columns from scenario_logs where scenario_id = '$scenario' order by received_at, id) to '$1' with (format csv, header)"
}

# One report: request, wait for completion, download. Prints "generation download total bytes id".
report() {
  local started id status generated downloaded
  started=$(now)
  id=$(api -X POST "$url/api/v2/scenarios/$scenario/reports" -d "{\"format\":\"$1\"${2:+,$2}}" | field report_id)
  while true; do
    status=$(api "$url/api/v2/reports/$id/status" | field status)
    [ "$status" = completed ] && break
    [ "$status" = failed ] && { api "$url/api/v2/reports/$id/status" >&2; exit 1; }
    sleep 0.1
  done
  generated=$(since "$started")
  local fetch; fetch=$(now)
  api -o "$work/report.$1" "$url/api/v2/reports/$id/download"
  downloaded=$(since "$fetch")
  echo "$generated $downloaded $(since "$started") $(stat -c %s "$work/report.$1") $id"
}

# How long the job generating report $1 ran, in ms, as the server logged it.
job_ms() {
  grep -o "Job reports-generate \[$1\] finished in [0-9]* ms" "$work/server.log" | tail -1 | sed -E 's/.* in ([0-9]+) ms/\1/'
}

# Times $1 sequential metrics calls of the scenario (hourly, whole period); prints the median in ms.
metrics_median() {
  for _ in $(seq 1 "$1"); do
    curl -sf -o /dev/null -w '%{time_total}\n' -H "X-API-Key: $key" "$url/api/v1/scenarios/$scenario/metrics?granularity=hour"
  done | sort -n | awk '{ t[NR] = $1 } END { printf "%.2f", 1000 * t[int((NR + 1) / 2)] }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

sample_heap() {
  "$jstat" -gc "$server" 200 | awk 'NR > 1 { used = ($3 + $4 + $6 + $8) / 1024; if (used > max) max = used; print max; fflush() }' > "$1"
}

say "warm-up: at least $warmup s of both exports"
warm_start=$(now)
while [ "$(echo "$(since "$warm_start") < $warmup" | bc)" = 1 ]; do
  copy /dev/null
  report csv '"granularity":"log"' > /dev/null
  report pdf > /dev/null
  metrics_median 20 > /dev/null
done

baseline=$("$jstat" -gc "$server" | awk 'NR == 2 { print ($3 + $4 + $6 + $8) / 1024 }')
t0=$(now); copy "$work/psql.csv"; psql_seconds=$(since "$t0")
psql_bytes=$(stat -c %s "$work/psql.csv")
gc_lines=$(wc -l < "$work/gc.log")
sample_heap "$work/heap.txt" & sampler=$!
read -r gen dl total bytes csv_id < <(report csv '"granularity":"log"')
kill "$sampler" 2> /dev/null || true; sampler=""
rows=$(($(wc -l < "$work/report.csv") - 1))
max_heap=$(tail -1 "$work/heap.txt")
# what each collection during the report left: the heap the report really holds
after_gc=$(tail -n +"$((gc_lines + 1))" "$work/gc.log" | grep -E 'Pause (Young|Full)' | grep -oE '[0-9]+M->[0-9]+M' | sed -E 's/.*->([0-9]+)M/\1/' | sort -n)
gcs=$(echo "$after_gc" | grep -c . || true)

say ""
say "psql \\copy ... to file: $(printf %.2f "$psql_seconds") s, $psql_bytes bytes, $(echo "$logs / $psql_seconds" | bc) rows/s"
say "Costlens CSV report: generation $(printf %.2f "$gen") s + download $(printf %.2f "$dl") s = $(printf %.2f "$total") s, $bytes bytes, $rows rows"
say "  of which the generation job itself ran $(job_ms "$csv_id") ms (the rest: queueing, status polls every 0.1 s)"
say "rate vs psql \\copy: generation alone $(printf %.2f "$(echo "$psql_seconds / $gen" | bc -l)"), end to end (request to file) $(printf %.2f "$(echo "$psql_seconds / $total" | bc -l)")"
say "server heap used (young + old, MiB): $(printf %.0f "$baseline") before, $(printf %.0f "$max_heap") at most during generation and download ($jvm_options; the CSV is $((bytes / 1048576)) MiB)"
say "heap left by each of the $gcs young or full collections during generation and download: $(echo "$after_gc" | head -1)-$(echo "$after_gc" | tail -1) MiB (young + old above also counts garbage not yet collected)"

metrics_ms=$(metrics_median 50)
pdf_runs=""
for _ in 1 2 3 4 5; do
  id=$(api -X POST "$url/api/v2/scenarios/$scenario/reports" -d '{"format":"pdf"}' | field report_id)
  until [ -n "$(job_ms "$id")" ]; do sleep 0.1; done
  pdf_runs="$pdf_runs $(job_ms "$id")"
  last_pdf="$id"
done
pdf_ms=$(echo "$pdf_runs" | tr ' ' '\n' | grep . | median)
api -o "$work/report.pdf" "$url/api/v2/reports/$last_pdf/download"
say "metrics of the same scenario (GET .../metrics?granularity=hour, 720 buckets): median $metrics_ms ms of 50 sequential calls"
say "PDF of the same scenario (all sections), generation as the job logged it:$pdf_runs ms (median $pdf_ms ms), $(stat -c %s "$work/report.pdf") bytes"
say "PDF generation = $(printf %.1f "$(echo "$pdf_ms / $metrics_ms" | bc -l)") metrics calls (target <= 20)"
cp "$work/report.pdf" "$results/reports-$stamp.pdf"
cp "$work/gc.log" "$results/reports-$stamp-gc.log"
say "server resident memory: $(awk '/VmRSS/ { r = $2 } /VmHWM/ { p = $2 } END { printf "%.0f MB at the end, %.0f MB at most since it started (VmHWM)", r / 1024, p / 1024 }' "/proc/$server/status")"
say "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results: bench/results/reports-$stamp.txt (PDF beside it)"
