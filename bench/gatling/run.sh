#!/usr/bin/env bash
# The Gatling load test against the packaged jar on PostgreSQL:
#   1. creates a new database and starts the jar on it (prod profile, rate limits on, behind a "proxy":
#      every simulated user sends an X-Forwarded-For address of its own, so per-IP limits apply per user);
#   2. prepares ACCOUNTS enterprise-tier users (their rate limit leaves room for the test's traffic),
#      one running scenario and one prediction, through the API;
#   3. runs CostlensSimulation: USERS concurrent users (default 1000), ramped up over RAMP seconds and held
#      for HOLD seconds, each signing in, then ingesting, reading metrics, logging predictions, reading
#      stats and listing, with 1-3 s of think time between requests;
#   4. stops the server and drops the database (KEEP=1 keeps it).
# The report is bench/gatling/target/gatling/costlenssimulation-<timestamp>/index.html. The simulation
# fails (exit code 2) when p95 >= 200 ms or any request failed.
#
# Usage (repository root, after ./mvnw package): PGHOST=127.0.0.1 PGUSER=postgres bench/gatling/run.sh
# Settings: PORT (18520), USERS, RAMP, HOLD, ACCOUNTS, JAR (the newest target/costlens-*.jar). Every 10 s the
# load average and the server's database connections by state and wait event go to samples.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib.sh

PORT=${PORT:-18520}
USERS=${USERS:-1000}
RAMP=${RAMP:-120}
HOLD=${HOLD:-120}
ACCOUNTS=${ACCOUNTS:-50}
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
	bench_start_server "$OUT/server.log" -Xmx2g -XX:+UseG1GC -jar "$JAR"
cleanup() {
	[ -z "${SAMPLER:-}" ] || kill "$SAMPLER" 2>/dev/null || true
	bench_stop_server
	[ "${KEEP:-0}" = 1 ] || dropdb --if-exists "$DATABASE"
}
trap cleanup EXIT
bench_wait_ready "localhost:$PORT/ready" 240
bench_wait_api_key "localhost:$PORT/api/v1/scenarios" "$KEY"

api() { curl -sf -H "X-API-Key: $KEY" -H 'Content-Type: application/json' "$@"; }
: > "$OUT/accounts.csv"
for i in $(seq 1 "$ACCOUNTS"); do
	password="gatling-password-$i-$RANDOM$RANDOM"
	id=$(api -d "{\"username\":\"gatling-$i\",\"email\":\"gatling-$i@bench.invalid\",\"password\":\"$password\"}" \
		"localhost:$PORT/api/v2/auth/register" | sed 's/.*"id":"\([^"]*\)".*/\1/')
	api -X PATCH -d '{"tier":"enterprise"}' "localhost:$PORT/api/v2/users/$id" >/dev/null
	echo "gatling-$i,$password" >> "$OUT/accounts.csv"
done
SCENARIO=$(api -d "{\"name\":\"gatling-$RANDOM$RANDOM\"}" "localhost:$PORT/api/v1/scenarios" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -X POST "localhost:$PORT/api/v1/scenarios/$SCENARIO/start" >/dev/null
api -d '{"model_name":"gatling-model","duration_ms":42,"was_successful":true}' "localhost:$PORT/api/v1/predict-log" >/dev/null
echo "prepared $ACCOUNTS users and scenario $SCENARIO; running $USERS users ($RAMP s ramp, $HOLD s hold)"

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
	-Dcostlens.users-file="$PWD/$OUT/accounts.csv" -Dusers="$USERS" -Dramp="$RAMP" -Dhold="$HOLD" \
	| tee "$OUT/gatling.txt" || status=$?
kill "$SAMPLER" 2>/dev/null || true
echo "server log: $OUT/server.log; report: $(ls -td bench/gatling/target/gatling/*/ | head -1)index.html"
exit "$status"
