#!/usr/bin/env bash
# The Gatling load test against the packaged jar on PostgreSQL:
#   1. creates a new database and starts the jar on it (prod profile, rate limits on, behind a "proxy":
#      every simulated client sends an X-Forwarded-For address of its own, so per-IP limits apply per client);
#   2. prepares, through the API, ACCOUNTS accounts of the default (free) tier, one per simulated person,
#      SERVICES API keys, one per machine client (each owned by one of those accounts, so each has the free
#      tier's limit of its own), one running scenario and one prediction;
#   3. runs CostlensSimulation: USERS concurrent users (default 1000) ramped up over RAMP seconds and held
#      for HOLD seconds: SERVICES machine clients ingesting logs or logging predictions with their API key,
#      and USERS - SERVICES people, each session signing in once, reading metrics, stats and lists for
#      2-6 minutes and signing out, with 1-3 s of think time between requests (see the class comment);
#   4. stops the server and drops the database (KEEP=1 keeps it).
# The report is bench/gatling/target/gatling/costlenssimulation-<timestamp>/index.html. The simulation
# fails (exit code 2) when p95 >= 200 ms or any request failed.
#
# Usage (repository root, after ./mvnw package): PGHOST=127.0.0.1 PGUSER=postgres bench/gatling/run.sh
# Settings: PORT (18520), USERS (1000), SERVICES (550), RAMP (120), HOLD (180), ACCOUNTS (1000: more than
# the sessions a run starts, so no two sessions share an account), JAR (the newest target/costlens-*.jar),
# SERVER_OPTS (extra JVM options), GATLING_OPTS (extra -D settings of the simulation, e.g.
# -Dsession.min=60). Every 10 s the load average and the server's database connections by state and wait
# event go to samples.txt; the per-request table (bench/gatling/summary.py) to summary.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh

PORT=${PORT:-18520}
USERS=${USERS:-1000}
SERVICES=${SERVICES:-550}
RAMP=${RAMP:-120}
HOLD=${HOLD:-180}
ACCOUNTS=${ACCOUNTS:-1000}
[ "$ACCOUNTS" -ge "$SERVICES" ] || { echo "ACCOUNTS must be at least SERVICES (each key has an owner)" >&2; exit 2; }
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
DATABASE=bench_gatling_$(date -u +%Y%m%d%H%M%S)
KEY=clk_bench-gatling-key-0123456789abcdefghi
OUT=bench/results/gatling-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT/data"
JAR=${JAR:-$(bench_jar existing)}

createdb "$DATABASE"
SPRING_PROFILES_ACTIVE=prod \
SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE?reWriteBatchedInserts=true" \
SPRING_DATASOURCE_USERNAME=${PGUSER:-postgres} SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-} \
SERVER_PORT=$PORT SERVER_FORWARD_HEADERS_STRATEGY=native COSTLENS_DATA_DIR=$OUT/data COSTLENS_ADMIN_API_KEY=$KEY \
COSTLENS_ADMIN_PASSWORD=bench-admin-password COSTLENS_JWT_SECRET="$(head -c 32 /dev/urandom | base64)" \
COSTLENS_PROVIDERS_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
	bench_start_server "$OUT/server.log" -Xmx2g -XX:+UseG1GC ${SERVER_OPTS:-} -jar "$JAR"
cleanup() {
	[ -z "${SAMPLER:-}" ] || kill "$SAMPLER" 2>/dev/null || true
	bench_stop_server
	[ "${KEEP:-0}" = 1 ] || dropdb --if-exists "$DATABASE"
}
trap cleanup EXIT
bench_wait_ready "localhost:$PORT/ready" 240
bench_wait_api_key "localhost:$PORT/api/v1/scenarios" "$KEY"

api() { curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
# accounts: a registration hashes a password (the slow part), so two at a time keep the hashing thread busy
register() {
	local i=$1 password="gatling-password-$1-$RANDOM$RANDOM"
	local id
	id=$(api -d "{\"username\":\"gatling-$i\",\"email\":\"gatling-$i@bench.invalid\",\"password\":\"$password\"}" \
		"localhost:$PORT/api/v2/auth/register" | sed 's/.*"id":"\([^"]*\)".*/\1/')
	echo "$i,$id,gatling-$i,$password"
}
export -f register api; export KEY PORT
seq 1 "$ACCOUNTS" | xargs -P 2 -I{} bash -c 'register {}' > "$OUT/registered.csv"
[ "$(wc -l < "$OUT/registered.csv")" -eq "$ACCOUNTS" ] || { echo "registration failed; see $OUT/server.log" >&2; exit 1; }
sort -t, -k1,1n "$OUT/registered.csv" | cut -d, -f3,4 > "$OUT/accounts.csv"
# API keys: one per machine client, the i-th owned by the i-th account
sort -t, -k1,1n "$OUT/registered.csv" | head -n "$SERVICES" | while IFS=, read -r i id _ _; do
	key=$(api -d "{\"name\":\"gatling-service-$i\"}" "localhost:$PORT/api/v2/api-keys?user_id=$id")
	echo "$key" | sed 's/.*"key":"\([^"]*\)".*/\1/'
done > "$OUT/keys.csv"
[ "$(grep -c '^clk_' "$OUT/keys.csv")" -eq "$SERVICES" ] || { echo "creating API keys failed; see $OUT/server.log" >&2; exit 1; }
SCENARIO=$(api -d "{\"name\":\"gatling-$RANDOM$RANDOM\"}" "localhost:$PORT/api/v1/scenarios" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -X POST "localhost:$PORT/api/v1/scenarios/$SCENARIO/start" >/dev/null
api -d '{"model_name":"gatling-model","duration_ms":42,"was_successful":true}' "localhost:$PORT/api/v1/predict-log" >/dev/null
echo "prepared $ACCOUNTS accounts, $SERVICES API keys and scenario $SCENARIO; running $USERS users ($SERVICES machine clients), $RAMP s ramp, $HOLD s hold"

# every 10 s while the simulation runs: the machine's load and what the server's connections wait on
(while sleep 10; do
	echo "$(date -u +%T) load $(cut -d' ' -f1-3 /proc/loadavg); connections by state and wait:" \
		"$(psql -d "$DATABASE" -AtF' ' -c "select coalesce(state, '-') || '/' || coalesce(wait_event, '-') as s, count(*)
			from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() group by s order by s" \
			| tr '\n' ' ')"
done) > "$OUT/samples.txt" 2>&1 &
SAMPLER=$!
status=0
./mvnw -B -ntp -f bench/gatling/pom.xml gatling:test \
	-Dcostlens.url="http://127.0.0.1:$PORT" -Dcostlens.scenario="$SCENARIO" \
	-Dcostlens.accounts-file="$PWD/$OUT/accounts.csv" -Dcostlens.keys-file="$PWD/$OUT/keys.csv" \
	-Dusers="$USERS" -Dservices="$SERVICES" -Dramp="$RAMP" -Dhold="$HOLD" ${GATLING_OPTS:-} \
	| tee "$OUT/gatling.txt" || status=$?
kill "$SAMPLER" 2>/dev/null || true
REPORT=$(ls -td bench/gatling/target/gatling/*/ | head -1)
{
	grep -E '^> (request count|response time (50|75|95|99)th|mean throughput)|^Global:' "$OUT/gatling.txt" || true
	python3 bench/gatling/summary.py "$REPORT" || true
	echo "load average while it ran: $(awk '{print $3}' "$OUT/samples.txt" | sort -n | sed -n '1p;$p' | paste -sd-)"
} | tee "$OUT/summary.txt"
echo "server log: $OUT/server.log; report: ${REPORT}index.html"
exit "$status"
