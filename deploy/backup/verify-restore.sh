#!/usr/bin/env bash
# Proves a backup restores: starts Costlens (the packaged jar) on a new PostgreSQL database,
# fills it through the API (a scenario with ingested logs, predictions, audited lifecycle
# steps), records what it answers, dumps the database with pg-backup.sh, restores the dump
# into a second new database with pg-restore.sh, starts Costlens on that one with an empty
# data folder, and fails unless the row counts of every table, a scenario's metrics, the
# prediction stats, the stored logs and the audit chain's verification are the same. Both
# databases are dropped at the end.
#
#   PGHOST=127.0.0.1 PGUSER=postgres deploy/backup/verify-restore.sh
#
# Settings (environment): PGHOST, PGPORT (5432), PGUSER, PGPASSWORD (libpq); JAR (the
# newest target/costlens-*.jar); PORT (18590); WORK (target/backup-check); JAVA (java of
# JAVA_HOME). Needs pg_dump, pg_restore, psql, createdb, dropdb and curl.
set -euo pipefail
cd "$(dirname "$0")/../.."

PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
export PGHOST PGPORT
JAR=${JAR:-$(ls -t target/costlens-*.jar 2>/dev/null | grep -v -- '-plain' | head -n 1 || true)}
PORT=${PORT:-18590}
WORK=${WORK:-target/backup-check}
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
[ -n "$JAR" ] && [ -f "$JAR" ] || { echo "No Costlens jar: run ./mvnw package first, or set JAR" >&2; exit 2; }

name="costlens_backup_check_$(date -u +%Y%m%d%H%M%S)_$$"
source_db="${name}_source"
restored_db="${name}_restored"
admin_key="clk_backup-check-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
jwt_secret=$(head -c 32 /dev/urandom | base64)
# the provider-key keyset: a restored database is only readable with the key it was written with
provider_key=$(head -c 32 /dev/urandom | base64)
base="http://127.0.0.1:$PORT"
server_pid=""

rm -rf "$WORK"
mkdir -p "$WORK"

stop_costlens() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null || true
		wait "$server_pid" 2>/dev/null || true
		server_pid=""
	fi
}

cleanup() {
	stop_costlens
	dropdb --if-exists "$source_db" 2>/dev/null || true
	dropdb --if-exists "$restored_db" 2>/dev/null || true
}
trap cleanup EXIT

start_costlens() {
	local database=$1 data_dir=$2
	mkdir -p "$data_dir"
	SPRING_PROFILES_ACTIVE=prod \
	SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
	SPRING_DATASOURCE_USERNAME="${PGUSER:-$(id -un)}" \
	SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" \
	SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE=4 \
	SERVER_PORT="$PORT" \
	COSTLENS_DATA_DIR="$data_dir" \
	COSTLENS_ADMIN_API_KEY="$admin_key" \
	COSTLENS_ADMIN_PASSWORD="backup-check-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" \
	COSTLENS_JWT_SECRET="$jwt_secret" \
	COSTLENS_PROVIDERS_ENCRYPTION_KEY="$provider_key" \
		"$JAVA" -Xmx512m -jar "$JAR" > "$data_dir.log" 2>&1 &
	server_pid=$!
	for _ in $(seq 1 180); do
		if curl -fsS -o /dev/null "$base/ready" 2>/dev/null; then
			return 0
		fi
		kill -0 "$server_pid" 2>/dev/null || { echo "Costlens stopped; its log:" >&2; tail -n 40 "$data_dir.log" >&2; exit 1; }
		sleep 1
	done
	echo "Costlens did not get ready within 180 s; its log:" >&2
	tail -n 40 "$data_dir.log" >&2
	exit 1
}

call() {
	# call METHOD PATH [BODY [CONTENT_TYPE]]: the body of a 2xx answer, or a failure
	local method=$1 path=$2
	if [ $# -ge 3 ]; then
		curl -fsS -X "$method" -H "X-API-Key: $admin_key" -H "Content-Type: ${4:-application/json}" \
			--data-binary "$3" "$base$path"
	else
		curl -fsS -X "$method" -H "X-API-Key: $admin_key" "$base$path"
	fi
}

populate() {
	local scenario logs predictions i
	scenario=$(call POST /api/v1/scenarios '{"name":"backup-check","region":"eu-west-1","tags":["backup"]}' \
		| sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
	[ -n "$scenario" ] || { echo "No scenario id" >&2; exit 1; }
	echo "$scenario" > "$WORK/scenario-id"
	call POST "/api/v1/scenarios/$scenario/start" > /dev/null
	logs=""
	for i in $(seq 1 300); do
		if [ $((i % 7)) -eq 0 ]; then
			logs+="{\"message\":\"order $i paid by user$i@example.com from 10.0.$((i % 250)).1\",\"source\":\"api\"}"$'\n'
		else
			logs+="{\"message\":\"request $i served in $((i * 3)) ms by worker-$((i % 4))\",\"source\":\"worker\"}"$'\n'
		fi
	done
	curl -fsS -X POST -H "X-API-Key: $admin_key" -H "X-Scenario-ID: $scenario" \
		-H 'Content-Type: application/x-ndjson' --data-binary "$logs" "$base/ingest/batch" > /dev/null
	curl -fsS -X POST -H "X-API-Key: $admin_key" -H "X-Scenario-ID: $scenario" -H 'Content-Type: application/json' \
		--data '{"message":"one more, with card 4111 1111 1111 1111","source":"single"}' "$base/ingest" > /dev/null
	call POST /flush > /dev/null
	predictions="["
	for i in $(seq 1 200); do
		predictions+="{\"model_name\":\"backup-model\",\"duration_ms\":$((i * 5)),\"was_successful\":$([ $((i % 10)) -eq 0 ] && echo false || echo true)}"
		[ "$i" -lt 200 ] && predictions+=","
	done
	predictions+="]"
	call POST /api/v1/predict-log/batch "$predictions" > /dev/null
	call POST "/api/v1/scenarios/$scenario/stop" > /dev/null
	call POST /api/v2/auth/register '{"username":"backup-reader","email":"reader@backup.invalid","password":"backup-reader-password"}' > /dev/null
}

snapshot() {
	local out=$1 scenario table from to
	scenario=$(cat "$WORK/scenario-id")
	from=$(date -u -d '-2 day' +%Y-%m-%dT00:00:00Z)
	to=$(date -u -d '+2 day' +%Y-%m-%dT00:00:00Z)
	{
		# First: verifying seals the audit entries still pending, so the counts below see
		# every entry in the chain on both sides.
		echo "## audit chain"
		call GET /api/v2/audit/verify
		echo
		echo "## row counts"
		for table in $(psql --dbname="$2" -Atqc "select table_name from information_schema.tables
				where table_schema = 'public' and table_type = 'BASE TABLE' order by 1"); do
			echo "$table $(psql --dbname="$2" -Atqc "select count(*) from \"$table\"")"
		done
		echo "## scenario metrics"
		call GET "/api/v1/scenarios/$scenario/metrics?granularity=hour&from=$from&to=$to"
		echo
		echo "## prediction stats"
		call GET "/api/v1/stats?model_name=backup-model"
		echo
		echo "## stored logs"
		call GET "/api/v1/scenarios/$scenario/logs?page_size=100"
		echo
	} > "$out"
}

echo "Source database $source_db"
createdb "$source_db"
start_costlens "$source_db" "$WORK/source-data"
populate
snapshot "$WORK/before.txt" "$source_db"
stop_costlens

deploy/backup/pg-backup.sh "$source_db" "$WORK/costlens.dump"
createdb "$restored_db"
deploy/backup/pg-restore.sh "$WORK/costlens.dump" "$restored_db"

echo "Restored database $restored_db"
start_costlens "$restored_db" "$WORK/restored-data"
snapshot "$WORK/after.txt" "$restored_db"
stop_costlens

grep -q '"valid":true' "$WORK/before.txt" || { echo "The audit chain did not verify before the backup" >&2; exit 1; }
grep -qx 'scenario_logs 301' "$WORK/before.txt" || { echo "The source database does not hold the 301 logs" >&2; exit 1; }
grep -qx 'predictions 200' "$WORK/before.txt" || { echo "The source database does not hold the 200 predictions" >&2; exit 1; }
if diff -u "$WORK/before.txt" "$WORK/after.txt" > "$WORK/diff.txt"; then
	echo "Restore verified: $(grep -c '^[a-z_]* [0-9]*$' "$WORK/before.txt") tables with the same counts, the same metrics, stats, logs and audit verification"
	sed -n '/## row counts/,/## scenario metrics/p' "$WORK/after.txt" | sed '1d;$d' | tr '\n' ' '
	echo
else
	echo "The restored database answers differently:" >&2
	cat "$WORK/diff.txt" >&2
	exit 1
fi
