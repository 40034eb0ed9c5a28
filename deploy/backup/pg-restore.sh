#!/usr/bin/env bash
# Restores a dump of pg-backup.sh into an empty database, all or nothing; checks the dump's
# SHA-256 first when the .sha256 file is there.
#
#   pg-restore.sh FILE DATABASE       (connection from libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD)
#
# The database must exist and be empty (createdb DATABASE). Start Costlens on it afterwards:
# Flyway finds the schema at the dumped version and migrates it forward if the jar is newer.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 FILE DATABASE" >&2; exit 2; }
file=$1
database=$2
if [ -f "$file.sha256" ]; then
	(cd "$(dirname "$file")" && sha256sum --check --quiet "$(basename "$file").sha256")
fi
tables=$(psql --dbname="$database" -Atqc "select count(*) from information_schema.tables where table_schema = 'public'")
if [ "$tables" != 0 ]; then
	echo "$database is not empty ($tables tables in public): restore into a new database" >&2
	exit 1
fi
pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$database" "$file"
echo "Restored $file into $database"
