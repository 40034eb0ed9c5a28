#!/usr/bin/env bash
# Soak: 10 minutes of mixed load at about half of the measured maximum against one server on
# PostgreSQL (and Redis when REDIS_URL is set), watching what a leak or a slow drift would show:
#   - resident memory of the server process (sampled every 10 s, and its peak from the kernel's VmHWM;
#     target < 400 MB), and the server's CPU time per request,
#   - heap after a full GC (jcmd GC.run) before and after the soak, and after every young GC (flat = no leak),
#   - p99 latency minute by minute (no drift), and errors (none: non-2xx answers and socket errors).
# Mix (see mixed.lua): 45 % POST /ingest, 25 % POST /api/v2/predict-log, 10 % scenario summary,
# 10 % prediction stats, 5 % audit list, 5 % /health.
#
# Two steps, each with a server of its own (so each stays a short run of its own):
#   PGDATABASE=soak bench/soak/run.sh max            # 30 s JIT warm-up, then the maximum over 30 s
#   PGDATABASE=soak MAX=<req/s> bench/soak/run.sh soak   # 30 s warm-up, then MINUTES at MAX/2
# Without an argument it does both on one server. Add REDIS_URL=redis://127.0.0.1:6379/3 for Redis.
# The soak paces each connection with a pause between requests: 1000 * CONNECTIONS / (MAX/2) ms to
# start with, corrected after every minute by the rate the minute achieved, so it holds about half.
# Settings: JAR (target/costlens-*.jar), PORT (8130), CONNECTIONS (32), WARMUP (30s), MINUTES (10),
# JVM_OPTIONS (the JVM settings the project ships, README "Memory": -Xms64m -Xmx256m -XX:NewRatio=3 -XX:+UseSerialGC ...),
# MALLOC_ARENA_MAX (2, as shipped),
# HEAP (e.g. 192m: -Xmx instead of the shipped one), GC (Serial, G1, Parallel or Z: instead of the shipped one),
# NMT=1 (native memory tracking: nmt.txt after the soak), PGHOST, PGUSER,
# PG_MEMORY=1 (a PostgreSQL of its own, started with initdb from PG_BIN, data in /dev/shm, stopped at the end). The database is created when missing.
# Where a slow minute comes from: the server's own request and group-commit histograms, read from
# /actuator/prometheus after every minute, give slow.txt (per minute and endpoint: requests, and those over
# 100 ms; per group committer: commits, those over 100 ms, the longest of the last 2 minutes); PG_ACTIVITY=1 also samples what
# PostgreSQL's busy sessions on the database wait for, once a second (pg-activity.txt, counts in summary.txt),
# and the machine's dirty page cache and disk writes (disk.txt: time, dirty KB, KB written and ms spent writing
# by all disks since the last second).
# Results go to bench/results/soak-<timestamp>/ (not versioned); summary.txt holds the figures,
# class-histogram.txt what the live heap is made of at the end.
set -euo pipefail

cd "$(dirname "$0")/../.."
. bench/lib.sh
STEP=${1:-both}
case "$STEP" in max | soak | both) ;; *) echo "usage: $0 [max|soak|both]" >&2; exit 2 ;; esac
[ "$STEP" != soak ] || : "${MAX:?set MAX to the maximum req/s that 'run.sh max' measured}"
PORT=${PORT:-8130}
CONNECTIONS=${CONNECTIONS:-32}
WARMUP=${WARMUP:-30s}
MINUTES=${MINUTES:-10}
# the defaults the Dockerfile, the Kubernetes ConfigMap and ./mvnw spring-boot:run start Costlens with
JVM_OPTIONS=${JVM_OPTIONS:--Xms64m -Xmx256m -XX:NewRatio=3 -XX:+UseSerialGC -XX:MetaspaceSize=128m -XX:TrimNativeHeapInterval=5000 -XX:-TieredCompilation -XX:CompileThresholdScaling=0.2 -XX:+ExitOnOutOfMemoryError}
# and the C library's malloc arenas the image and the ConfigMap set (MALLOC_ARENA_MAX= leaves glibc's default)
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX-2}
[ -z "${HEAP:-}" ] || JVM_OPTIONS="$JVM_OPTIONS -Xmx$HEAP"
[ -z "${GC:-}" ] || JVM_OPTIONS="$(echo "$JVM_OPTIONS" | sed 's/-XX:+Use[A-Za-z0-9]*GC//') -XX:+Use${GC%GC}GC"
KEY=clk_bench-soak-key-0123456789abcdefghijklmn
OUT=bench/results/soak-$(date -u +%Y%m%dT%H%M%SZ)-$STEP
BENCH=bench/soak
mkdir -p "$OUT/data"

bench_need_wrk
JAR=${JAR:-$(bench_jar if-missing)}
JCMD=$(bench_tool jcmd)

export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
: "${PGDATABASE:?set PGDATABASE to a database of its own}"
OWN_PG=
if [ -n "${PG_MEMORY:-}" ]; then
  # a PostgreSQL of the soak's own with its data in memory (/dev/shm), so that a shared or slow disk's stalls
  # (which every synchronous commit waits for) do not hide what the service itself does over the ten minutes
  PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
  [ -x "$PG_BIN/initdb" ] || { echo "PG_MEMORY=1 needs PostgreSQL's server binaries (PG_BIN, e.g. /usr/lib/postgresql/15/bin)" >&2; exit 2; }
  OWN_PG=$(mktemp -d /dev/shm/costlens-soak-pg.XXXXXX)
  AS_PG=
  if [ "$(id -u)" = 0 ]; then AS_PG="runuser -u postgres --"; chown postgres "$OWN_PG"; fi
  PGPORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  export PGHOST=127.0.0.1 PGUSER=postgres PGPORT
  $AS_PG "$PG_BIN/initdb" -D "$OWN_PG/data" -A trust -U postgres >/dev/null
  $AS_PG "$PG_BIN/pg_ctl" -D "$OWN_PG/data" -l "$OWN_PG/log" -w \
    -o "-p $PGPORT -k $OWN_PG -c listen_addresses=127.0.0.1 -c max_connections=100" start >/dev/null
  echo "== PostgreSQL of its own with its data in memory on port $PGPORT ($("$PG_BIN/postgres" --version))"
fi
stop_own_pg() {
  [ -z "$OWN_PG" ] || { $AS_PG "$PG_BIN/pg_ctl" -D "$OWN_PG/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$OWN_PG"; }
}
trap stop_own_pg EXIT
psql -d postgres -Atqc "select 1 from pg_database where datname = '$PGDATABASE'" | grep -q 1 || createdb "$PGDATABASE"
export SERVER_PORT=$PORT COSTLENS_DATA_DIR=$OUT/data COSTLENS_ADMIN_API_KEY=$KEY
export COSTLENS_ADMIN_PASSWORD=bench-soak-admin-password COSTLENS_RATELIMIT_ENABLED=false
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:${PGPORT:-5432}/$PGDATABASE"
export SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-}
[ -z "${REDIS_URL:-}" ] || export COSTLENS_REDIS_URL=$REDIS_URL
NMT_FLAG=
[ -z "${NMT:-}" ] || NMT_FLAG=-XX:NativeMemoryTracking=summary
STARTED=$(date +%s)
# shellcheck disable=SC2086
bench_start_server "$OUT/server.log" $JVM_OPTIONS $NMT_FLAG -Xlog:gc:file="$OUT/gc.log" -jar "$JAR"
SERVER=$BENCH_SERVER
SAMPLER=
trap '[ -z "${SAMPLER:-}" ] || kill $SAMPLER 2>/dev/null || true; [ -z "${PG_SAMPLER:-}" ] || kill $PG_SAMPLER 2>/dev/null || true; bench_stop_server; stop_own_pg' EXIT
bench_wait_ready "localhost:$PORT/ready" 300
bench_wait_api_key "localhost:$PORT/api/v1/scenarios" "$KEY"
echo "== server ready after $(($(date +%s) - STARTED)) s ($("$BENCH_JAVA" -version 2>&1 | head -1); $JVM_OPTIONS; MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-unset}; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" \
  | tee "$OUT/summary.txt"

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
load() { # wrk with the mix: load <pause ms> <duration> <output file>
  DELAY_MS=$1 wrk -t2 -c"$CONNECTIONS" --timeout 10s -d"$2" --latency -s $BENCH/mixed.lua "http://127.0.0.1:$PORT" >"$3"
}

echo "== warm-up $WARMUP (JIT) at full speed, $CONNECTIONS connections"
load 0 "$WARMUP" "$OUT/warmup.txt"
if [ "$STEP" != soak ]; then
  echo "== the maximum over 30 s, $CONNECTIONS connections"
  load 0 30s "$OUT/max.txt"
  cat "$OUT/max.txt"
  MAX=$(rps "$OUT/max.txt")
  echo "max (30 s after $WARMUP warm-up, $CONNECTIONS connections): $MAX req/s, p50 $(pct "$OUT/max.txt" 50), p99 $(pct "$OUT/max.txt" 99), errors $(errors "$OUT/max.txt"), RSS $(rss) MB" \
    | tee -a "$OUT/summary.txt"
  [ "$STEP" = both ] || exit 0
fi

TARGET=$(awk -v r="$MAX" 'BEGIN { printf "%.1f", r / 2 }')
DELAY=$(awk -v c="$CONNECTIONS" -v t="$TARGET" 'BEGIN { printf "%d", 1000 * c / t }')
# the peak resident size (VmHWM) counts from here: the kernel resets it to the current size
echo 5 >"/proc/$SERVER/clear_refs" 2>/dev/null || true
HEAP_BEFORE=$(full_gc_heap)
[ -z "$NMT_FLAG" ] || "$JCMD" $SERVER VM.native_memory baseline >/dev/null
echo "soak target $TARGET req/s (half of $MAX); first pause $DELAY ms per connection; heap after full GC $HEAP_BEFORE MB"

( while kill -0 $SERVER 2>/dev/null; do echo "$(date -u +%s) $(rss)"; sleep 10; done ) >"$OUT/rss.txt" &
SAMPLER=$!
PG_SAMPLER=
if [ -n "${PG_ACTIVITY:-}" ]; then
  ( while kill -0 $SERVER 2>/dev/null; do
      psql -d "$PGDATABASE" -AtqF ' | ' -c "select to_char(now(), 'HH24:MI:SS'), coalesce(wait_event_type, 'CPU'),
        coalesce(wait_event, '-'), left(regexp_replace(query, '\s+', ' ', 'g'), 60) from pg_stat_activity
        where datname = current_database() and state = 'active' and pid <> pg_backend_pid()" || true
      awk -v t="$(date -u +%H:%M:%S)" 'FNR == NR { if ($1 == "Dirty:") d = $2; next }
        $3 ~ /^(vd|sd|nvme|xvd)[a-z0-9]*$/ && $3 !~ /[0-9]p?[0-9]+$/ { k += $10 / 2; ms += $11 }
        END { print t, d, k, ms }' /proc/meminfo /proc/diskstats >>"$OUT/disk-raw.txt"
      sleep 1
    done ) >"$OUT/pg-activity.txt" 2>/dev/null &
  PG_SAMPLER=$!
fi
prometheus() { api "localhost:$PORT/actuator/prometheus" >"$OUT/prometheus-$1.txt" || true; }
prometheus 0
GC_FROM=$(wc -l <"$OUT/gc.log")
cpu() { awk '{ printf "%.1f", ($14 + $15) / 100 }' "/proc/$SERVER/stat"; } # user + system seconds (100 ticks/s)
CPU_FROM=$(cpu)
printf '%-7s %9s %9s %9s %7s %8s %8s\n' minute 'req/s' 'p50' 'p99' errors 'RSS MB' 'pause' | tee "$OUT/minutes.txt"
for minute in $(seq 1 "$MINUTES"); do
  f=$OUT/minute-$minute.txt
  load "$DELAY" 60s "$f"
  prometheus "$minute"
  printf '%-7s %9s %9s %9s %7s %8s %8s\n' "$minute" "$(rps "$f")" "$(pct "$f" 50)" "$(pct "$f" 99)" "$(errors "$f")" "$(rss)" "$DELAY" \
    | tee -a "$OUT/minutes.txt"
  # the rate is CONNECTIONS / (pause + answer time): take the answer time this minute showed out of the pause
  DELAY=$(awk -v c="$CONNECTIONS" -v t="$TARGET" -v a="$(rps "$f")" -v d="$DELAY" \
    'BEGIN { n = d + 1000 * c / t - 1000 * c / a; printf "%d", (n < 0) ? 0 : n }')
done
kill $SAMPLER 2>/dev/null || true
[ -z "$PG_SAMPLER" ] || kill $PG_SAMPLER 2>/dev/null || true
[ ! -f "$OUT/disk-raw.txt" ] || awk 'NR > 1 { print $1, $2, $3 - k, $4 - ms } { k = $3; ms = $4 }' "$OUT/disk-raw.txt" >"$OUT/disk.txt"
# per minute, from the difference of two readings of the server's histograms: requests by endpoint and those
# over 100 ms (the first bucket bound at or above 0.1 s), group commits by committer, those over 100 ms, the longest
for minute in $(seq 1 "$MINUTES"); do
  gawk -v minute="$minute" '
    function key(line, label,   r) { return match(line, label "=\"[^\"]*\"") ? substr(line, RSTART + length(label) + 2, RLENGTH - length(label) - 3) : "" }
    function le(line) { return key(line, "le") + 0 }
    /^(http_server_requests|costlens_group_commit)_seconds_(count|bucket|max)\{/ {
      name = ($0 ~ /^http/) ? "request " key($0, "method") " " key($0, "uri") : "group commit " key($0, "committer")
      v = $NF + 0; sign = (FNR == NR) ? -1 : 1
      if ($0 ~ /_count\{/) n[name] += sign * v
      else if ($0 ~ /_max\{/) { if (sign > 0 && v > mx[name]) mx[name] = v }
      else if (le($0) >= 0.1 && le($0) < 0.12) fast[name] += sign * v
      seen[name] = 1
    }
    END { for (k in seen) if (n[k] > 0) printf "%-6s %-60s %8d %8d%s\n", minute, k, n[k], n[k] - fast[k], (k ~ /^group/) ? sprintf(" %8.0f ms", 1000 * mx[k]) : "" }
  ' "$OUT/prometheus-$((minute - 1)).txt" "$OUT/prometheus-$minute.txt" 2>/dev/null | sort -k2 || true
done >"$OUT/slow.txt"
CPU_SOAK=$(awk -v a="$CPU_FROM" -v b="$(cpu)" 'BEGIN { printf "%.0f", b - a }')
PEAK=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER/status")
HEAP_AFTER=$(full_gc_heap)
if [ -n "$NMT_FLAG" ]; then
  "$JCMD" $SERVER VM.native_memory summary >"$OUT/nmt.txt"
  "$JCMD" $SERVER VM.native_memory summary.diff >"$OUT/nmt-diff.txt"
fi
# where the resident memory is, without native memory tracking (which costs memory itself): the heap from
# the GC log, class metadata and compiled code from jcmd, the rest from the process's mappings
"$JCMD" $SERVER VM.metaspace >"$OUT/metaspace.txt" 2>&1 || true
"$JCMD" $SERVER Compiler.codecache >"$OUT/codecache.txt" 2>&1 || true
cp "/proc/$SERVER/status" "$OUT/status.txt"
cp "/proc/$SERVER/smaps" "$OUT/smaps.txt"
"$JCMD" $SERVER GC.heap_info >"$OUT/heap-info.txt" 2>&1 || true
"$JCMD" $SERVER System.native_heap_info >"$OUT/native-heap.txt" 2>&1 || true
# what the live heap is made of (the histogram collects first), the 60 largest classes
"$JCMD" $SERVER GC.class_histogram 2>&1 | head -64 >"$OUT/class-histogram.txt" || true
# the heap's resident pages: the mappings inside the reserved heap range that GC.heap_info prints
# (committed heap that was never written is not resident)
HEAP_RSS=$(gawk '
  FNR == NR { while (match($0, /0x[0-9a-f]+/)) { a = strtonum(substr($0, RSTART, RLENGTH)); if (lo == "" || a < lo) lo = a; if (a > hi) hi = a; $0 = substr($0, RSTART + RLENGTH) } next }
  /^[0-9a-f]+-[0-9a-f]+ / { split($1, r, "-"); inside = strtonum("0x" r[1]) >= lo && strtonum("0x" r[2]) <= hi; next }
  inside && /^Rss:/ { kb += $2 }
  END { printf "%.0f MB", kb / 1024 }' "$OUT/heap-info.txt" "$OUT/smaps.txt" 2>/dev/null || echo n/a)
tail -n +"$((GC_FROM + 1))" "$OUT/gc.log" | grep 'Pause Young' | sed 's/.*->\([0-9]*\)M.*/\1/' >"$OUT/young-after.txt"
YOUNG=$(awk '{ a[NR] = $1 } END { q = int(NR / 4); if (q < 1) { print "n/a"; exit }
  for (i = 1; i <= q; i++) f += a[i]; for (i = NR - q + 1; i <= NR; i++) l += a[i];
  printf "%.0f MB in the first quarter, %.0f MB in the last (%d young GCs)", f / q, l / q, NR }' "$OUT/young-after.txt")
{
  echo "soak: $MINUTES minutes, $(awk 'NR > 1 { s += $2; n++ } END { printf "%.0f", s / n }' "$OUT/minutes.txt") req/s on average (target $TARGET, half of the maximum $MAX)"
  echo "errors: $(awk 'NR > 1 { s += $5 } END { print s }' "$OUT/minutes.txt")"
  echo "p99 by minute: $(awk 'NR > 1 { printf "%s%s", sep, $4; sep = ", " }' "$OUT/minutes.txt"); p50 by minute: $(awk 'NR > 1 { printf "%s%s", sep, $3; sep = ", " }' "$OUT/minutes.txt")"
  echo "resident memory: max $(awk '{ if ($2 > m) m = $2 } END { print m }' "$OUT/rss.txt") MB (samples every 10 s), after the first minute $(awk 'NR == 2 { print $6 }' "$OUT/minutes.txt") MB, at the end $(rss) MB; peak $PEAK MB (VmHWM from the forced full GC before the soak to its end)"
  echo "server CPU during the soak: $CPU_SOAK s of $((MINUTES * 60)) s (user + system), $(awk -v c="$CPU_SOAK" -v n="$(awk 'NR > 1 { s += $2 * 60 } END { print s }' "$OUT/minutes.txt")" 'BEGIN { printf "%.2f", 1000 * c / n }') ms per request; load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "heap after full GC: $HEAP_BEFORE MB before the soak, $HEAP_AFTER MB after; heap committed at the end $(grep 'Pause' "$OUT/gc.log" | tail -1 | sed 's/.*(\([0-9]*\)M).*/\1/') MB"
  echo "collections during the soak: $(wc -l <"$OUT/young-after.txt") young, $(tail -n +"$((GC_FROM + 1))" "$OUT/gc.log" | grep -c 'Pause Full' || true) full (the last one the script's own), longest pause $(tail -n +"$((GC_FROM + 1))" "$OUT/gc.log" | grep 'Pause' | sed 's/.* \([0-9.]*\)ms$/\1/' | sort -n | tail -1) ms"
  echo "heap after young GCs: $YOUNG"
  echo "resident at the end: $(awk '/RssAnon/ { a = $2 } /RssFile/ { f = $2 } END { printf "%.0f MB anonymous, %.0f MB files (the JVM, the CDS archive)", a / 1024, f / 1024 }' "$OUT/status.txt");" \
    "class metadata committed $(awk '/^Total Usage/ { t = 1 } t && /Both:/ { sub(/ committed.*/, ""); n = split($0, w, "[ ,(]+"); print w[n - 2] " " w[n - 1]; exit }' "$OUT/metaspace.txt");" \
    "compiled code $(awk '/^Code(Heap|Cache)/ { match($0, /used=[0-9]+Kb/); if ($0 ~ /^CodeHeap/) h += substr($0, RSTART + 5, RLENGTH - 7); else c += substr($0, RSTART + 5, RLENGTH - 7) } END { printf "%.0f MB", (h > 0 ? h : c) / 1024 }' "$OUT/codecache.txt");" \
    "heap resident $HEAP_RSS;" \
    "threads $(awk '/^Threads/ { print $2 }' "$OUT/status.txt")"
  echo "minutes with requests over 100 ms (slow.txt: minute, endpoint, requests, over 100 ms):" \
    "$(awk '$1 ~ /^[0-9]+$/ && $2 == "request" && $(NF) > 0 { s[$1] += $(NF) } END { for (m in s) printf "%s: %d; ", m, s[m] }' "$OUT/slow.txt")"
  echo "group commits over 100 ms by minute: $(awk '$2 == "group" && $(NF - 2) > 0 { printf "%s %s: %d (longest %s ms); ", $1, $4, $(NF - 2), $(NF - 1) }' "$OUT/slow.txt")"
  [ -z "${PG_ACTIVITY:-}" ] || echo "PostgreSQL active sessions by wait (1 s samples): $(awk -F' [|] ' '{ c[$2 " " $3]++ } END { for (k in c) printf "%s %d; ", k, c[k] }' "$OUT/pg-activity.txt")"
} | tee -a "$OUT/summary.txt"
