#!/bin/sh
# Creates, once, the API key Prometheus scrapes Costlens with: a user "prometheus" with the
# viewer role (it can only read) and an unlimited-tier key of its own (scrapes are never
# rate-limited), written to KEY_FILE (mode 0400). Run again, it keeps a key that still works.
#
#   COSTLENS_URL=http://costlens:8000 COSTLENS_ADMIN_API_KEY=… KEY_FILE=… create-scrape-key.sh
#
# Needs sh, curl, sed, grep, tr and od (BusyBox is enough). KEY_OWNER (uid:gid) chowns the file.
set -eu

: "${COSTLENS_URL:?COSTLENS_URL is not set}"
: "${COSTLENS_ADMIN_API_KEY:?COSTLENS_ADMIN_API_KEY is not set}"
: "${KEY_FILE:?KEY_FILE is not set}"
SCRAPE_USER="${SCRAPE_USER:-prometheus}"

api() {
	# api METHOD PATH [JSON]: prints the body, then a line with the status code
	if [ $# -ge 3 ]; then
		curl -sS -X "$1" -H "X-API-Key: $COSTLENS_ADMIN_API_KEY" -H 'Content-Type: application/json' \
			--data "$3" -w '\n%{http_code}' "$COSTLENS_URL$2"
	else
		curl -sS -X "$1" -H "X-API-Key: $COSTLENS_ADMIN_API_KEY" -w '\n%{http_code}' "$COSTLENS_URL$2"
	fi
}

status_of() { printf '%s\n' "$1" | tail -n 1; }
body_of() { printf '%s\n' "$1" | sed '$d'; }
field() { printf '%s' "$1" | tr -d '\n' | sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p"; }
random_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

if [ -s "$KEY_FILE" ]; then
	code=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(cat "$KEY_FILE")" \
		"$COSTLENS_URL/actuator/prometheus")
	if [ "$code" = 200 ]; then
		echo "The scrape key in $KEY_FILE still works"
		exit 0
	fi
	echo "The scrape key in $KEY_FILE is refused ($code): creating a new one"
fi

# the user; its password is never used (the key is its only credential)
response=$(api POST /api/v2/auth/register \
	"{\"username\":\"$SCRAPE_USER\",\"email\":\"$SCRAPE_USER@scrape.invalid\",\"password\":\"$(random_hex 24)\"}")
case "$(status_of "$response")" in
	201) user_id=$(field "$(body_of "$response")" id) ;;
	409)
		users=$(api GET '/api/v2/users?page_size=100')
		user_id=$(body_of "$users" | tr -d '\n' | grep -o "{[^{}]*\"username\":\"$SCRAPE_USER\"[^{}]*}" \
			| sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
		;;
	*) echo "Could not create the user $SCRAPE_USER: $response" >&2; exit 1 ;;
esac
[ -n "$user_id" ] || { echo "Could not find the id of the user $SCRAPE_USER" >&2; exit 1; }

response=$(api PATCH "/api/v2/users/$user_id" '{"role":"viewer","is_active":true}')
[ "$(status_of "$response")" = 200 ] || { echo "Could not make $SCRAPE_USER a viewer: $response" >&2; exit 1; }

response=$(api POST "/api/v2/api-keys?user_id=$user_id" '{"name":"prometheus scrape","tier":"unlimited"}')
[ "$(status_of "$response")" = 201 ] || { echo "Could not create the scrape key: $response" >&2; exit 1; }
key=$(field "$(body_of "$response")" key)
[ -n "$key" ] || { echo "The answer held no key" >&2; exit 1; }

umask 077
mkdir -p "$(dirname "$KEY_FILE")"
printf '%s' "$key" > "$KEY_FILE.new"
chmod 0400 "$KEY_FILE.new"
if [ -n "${KEY_OWNER:-}" ]; then
	chown "$KEY_OWNER" "$KEY_FILE.new"
fi
mv -f "$KEY_FILE.new" "$KEY_FILE"
echo "Wrote a new scrape key for $SCRAPE_USER to $KEY_FILE"
