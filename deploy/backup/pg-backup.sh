#!/usr/bin/env bash
# Dumps a Costlens PostgreSQL database into one compressed file (pg_dump's custom format),
# consistent without stopping Costlens, and writes its SHA-256 beside it.
#
#   pg-backup.sh DATABASE FILE        (connection from libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD)
#
# Keep the JWT secret (COSTLENS_JWT_SECRET) with the dumps: docs/operations.md.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 DATABASE FILE" >&2; exit 2; }
database=$1
file=$2
mkdir -p "$(dirname "$file")"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial" --dbname="$database"
mv "$file.partial" "$file"
(cd "$(dirname "$file")" && sha256sum "$(basename "$file")" > "$(basename "$file").sha256")
echo "Dumped $database to $file ($(du -h "$file" | cut -f1))"
