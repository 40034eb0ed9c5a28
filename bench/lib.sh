# Shared start-the-jar steps of the benchmarks: `. bench/lib.sh` (or "$(dirname "$0")/../lib.sh") from a
# bench/*/run.sh. Only functions and two variables; nothing runs when the file is sourced.
#   BENCH_JAVA            the JDK's java (JAVA_HOME's when set)
#   bench_tool NAME       a JDK tool by name (jstat, jcmd, jar, javac ...), JAVA_HOME's when set
#   bench_need_wrk        installs wrk from the distribution when it is missing
#   bench_jar [build|if-missing|existing]
#                         prints the packaged jar of the repository (target/costlens-*.jar, not the plain one):
#                         build packages it first (skipped when BENCH_SKIP_BUILD=1 or SKIP_BUILD=1),
#                         if-missing packages it only when there is none, existing fails when there is none
#   bench_start_server LOG JAVA-ARGS...
#                         starts "$BENCH_JAVA" JAVA-ARGS in the background, output to LOG; sets BENCH_SERVER
#                         (its pid), which bench_stop_server stops
#   bench_wait_ready URL [SECONDS]
#                         waits (180 s unless told) until URL answers 2xx; fails with the end of the server's
#                         log when the server exits or the time runs out
#   bench_wait_api_key URL KEY
#                         waits (up to 120 s) until the admin API key KEY is accepted at URL: the key is created
#                         once the application is ready
#   bench_stop_server     stops the server started by bench_start_server and waits for it to exit
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
BENCH_SERVER=""
BENCH_SERVER_LOG=""

bench_tool() { echo "${JAVA_HOME:+$JAVA_HOME/bin/}$1"; }

bench_need_wrk() {
  command -v wrk > /dev/null && return 0
  echo "Installing wrk from the distribution" >&2
  apt-get install -y -qq wrk > /dev/null 2>&1 || { apt-get update -qq > /dev/null && apt-get install -y -qq wrk > /dev/null; }
}

bench_jar() {
  local mode="${1:-build}" jar
  if [ "$mode" = build ] && [ "${BENCH_SKIP_BUILD:-}" != 1 ] && [ "${SKIP_BUILD:-}" != 1 ]; then
    (cd "$BENCH_ROOT" && ./mvnw -q -B -ntp package -DskipTests -Djacoco.skip=true) >&2 || return 1
  fi
  jar="$(ls -t "$BENCH_ROOT"/target/costlens-*.jar 2> /dev/null | grep -v plain | head -1 || true)"
  if [ -z "$jar" ] && [ "$mode" != existing ]; then
    (cd "$BENCH_ROOT" && ./mvnw -q -B -ntp package -DskipTests -Djacoco.skip=true) >&2 || return 1
    jar="$(ls -t "$BENCH_ROOT"/target/costlens-*.jar 2> /dev/null | grep -v plain | head -1 || true)"
  fi
  [ -n "$jar" ] || { echo "no target/costlens-*.jar: run ./mvnw package first" >&2; return 2; }
  echo "$jar"
}

bench_start_server() {
  BENCH_SERVER_LOG="$1"
  shift
  "$BENCH_JAVA" "$@" > "$BENCH_SERVER_LOG" 2>&1 &
  BENCH_SERVER=$!
}

bench_wait_ready() {
  local url="$1" seconds="${2:-180}" i
  for i in $(seq 1 "$seconds"); do
    curl -sf -o /dev/null "$url" && return 0
    if [ -n "$BENCH_SERVER" ] && ! kill -0 "$BENCH_SERVER" 2> /dev/null; then
      echo "The server exited before $url answered; the end of its log:" >&2
      tail -50 "$BENCH_SERVER_LOG" >&2
      return 1
    fi
    sleep 1
  done
  echo "$url did not answer in $seconds s; the end of the server's log:" >&2
  tail -50 "$BENCH_SERVER_LOG" >&2
  return 1
}

bench_wait_api_key() {
  local i
  for i in $(seq 1 120); do
    curl -sf -o /dev/null -H "X-API-Key: $2" "$1" && return 0
    sleep 1
  done
  echo "the API key was not accepted at $1 in 120 s" >&2
  return 1
}

bench_stop_server() {
  if [ -n "$BENCH_SERVER" ]; then
    kill "$BENCH_SERVER" 2> /dev/null || true
    wait "$BENCH_SERVER" 2> /dev/null || true
    BENCH_SERVER=""
  fi
}

# Signs in to the dashboard as admin with password $2 on localhost:$PORT, keeping cookies in file $1,
# and exports SESSION_COOKIE (JSESSIONID=...) for wrk's scripts; exits when the overview does not answer 200.
bench_ui_sign_in() {
  local cookies="$1" password="$2" csrf
  rm -f "$cookies"
  csrf=$(curl -s -c "$cookies" -b "$cookies" "localhost:$PORT/ui/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=admin" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "localhost:$PORT/ui/login"
  export SESSION_COOKIE="JSESSIONID=$(awk '$6 == "JSESSIONID" { print $7 }' "$cookies")"
  curl -s -b "$SESSION_COOKIE" -o /dev/null -w '%{http_code}' "localhost:$PORT/ui/" | grep -q 200 || { echo "sign-in failed" >&2; exit 1; }
}
