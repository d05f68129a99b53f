#!/usr/bin/env bash
# Runs every ```bash block of README.md, top to bottom, in ONE bash session (variables set by a block carry over to
# the next), against a fresh API with the demo data: the built API (Debug unless CONFIGURATION=Release; built first
# when missing) on a free 127.0.0.1 port, Development environment, Auth__BootstrapAdminKey=change-me (as "The two
# commands" start it), on a new SQLite file, or on a new PostgreSQL database with --postgres CONNSTRING (or
# READMECHECK_POSTGRES=CONNSTRING: a server where the user may create databases; the database is created here and
# dropped afterwards). Fails when a block fails.
#
# Conventions for README.md (the "Tests" section says the same):
#   <!-- readme-check: skip -->   on the line right before a ```bash fence: the block is not run (it starts the API
#                                 itself, runs the tests, needs another server...); counted as skipped, and only
#                                 checked to parse (bash -n).
#   curl                          is a function in the session: the real curl with -sS and --max-time; any answer
#                                 that is not 2xx, or no answer, fails the check, unless announced:
#   # expect: NNN                 on its own line: the next curl must answer NNN (and nothing else, 2xx included).
#   # -> NNN ...                  a response comment starting with a status: the last curl answered NNN (checked).
#   http://localhost:5000         is replaced by the address of the API started here.
# The session runs with `set -euo pipefail` in a scratch directory (files a block writes land there): a failing
# command, a failing pipeline or an unset variable ends it. Blocks must not use `curl -w` (the check's own).
#
# Usage: scripts/readme-check.sh [--postgres CONNSTRING]
#   READMECHECK_TIMEOUT   seconds for all blocks together (default 300)
#   READMECHECK_MAX_TIME  curl --max-time per request (default 30)
#   READMECHECK_VERBOSE=1 prints every block's output (default: only the failing block's)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

postgres=${READMECHECK_POSTGRES:-}
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=${2:?--postgres needs a connection string}; shift 2 ;;
    *) echo "usage: $0 [--postgres CONNSTRING]" >&2; exit 2 ;;
  esac
done
overall=${READMECHECK_TIMEOUT:-300}
max_time=${READMECHECK_MAX_TIME:-30}
config=${CONFIGURATION:-Debug}
command -v jq >/dev/null || { echo "readme-check: jq is required (the README captures ids with it)" >&2; exit 1; }

dll="$root/src/Api/bin/$config/net10.0/ServiceDesk.Api.dll"
if [ ! -f "$dll" ]; then
  dotnet build src/Api/Api.csproj -c "$config" -warnaserror -v q >/dev/null
fi

work=$(mktemp -d /tmp/servicedesk-readme.XXXXXX)
pid=""
pg_db=""
pg_env=()
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  if [ -n "$pg_db" ]; then
    env "${pg_env[@]}" psql -d postgres -qAtc "DROP DATABASE IF EXISTS \"$pg_db\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' INT TERM

# --- the blocks --------------------------------------------------------------------------------------------------
mkdir -p "$work/blocks" "$work/state" "$work/cwd"
# block files blocks/NNN.sh (first line: "# README.md line L"), NNN.skip for skipped ones
awk -v dir="$work/blocks" '
  function flush() { close(file) }
  /^```bash[[:space:]]*$/ && !inblock {
    inblock = 1; n++; file = sprintf("%s/%03d.%s", dir, n, (prev == "<!-- readme-check: skip -->") ? "skip" : "sh")
    printf "# README.md line %d\n", NR + 1 > file; next
  }
  /^```[[:space:]]*$/ && inblock { inblock = 0; flush(); next }
  inblock { print > file; next }
  { prev = $0 }
' README.md

run=0; skipped=0
for f in "$work/blocks"/*; do
  case "$f" in *.skip) skipped=$((skipped + 1)) ;; *.sh) run=$((run + 1)) ;; esac
done
[ "$run" -gt 0 ] || { echo "readme-check: no \`\`\`bash blocks found in README.md" >&2; exit 1; }
# skipped blocks are not run, but they must still parse
for f in "$work/blocks"/*.skip; do
  [ -f "$f" ] || continue
  bash -n "$f" 2>"$work/syntax.err" || { echo "readme-check: the skipped block at $(head -n 1 "$f" | cut -c3-) does not parse:" >&2; cat "$work/syntax.err" >&2; exit 1; }
done

# --- the database ----------------------------------------------------------------------------------------------
if [ -n "$postgres" ]; then
  command -v psql >/dev/null || { echo "readme-check: psql is required with --postgres" >&2; exit 1; }
  # libpq settings from the Npgsql connection string, without its Database (we use our own)
  cs=""
  IFS=';' read -ra parts <<<"$postgres"
  for part in "${parts[@]}"; do
    [ -n "${part// /}" ] || continue
    k=$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]'); v=${part#*=}
    case "$k" in
      host|server) pg_env+=("PGHOST=$v") ;;
      port) pg_env+=("PGPORT=$v") ;;
      username|user|userid|uid) pg_env+=("PGUSER=$v") ;;
      password|pwd) pg_env+=("PGPASSWORD=$v") ;;
      database|db) continue ;;
    esac
    cs+="$part;"
  done
  pg_db="readme_check_$(date +%s)_$$"
  env "${pg_env[@]}" psql -d postgres -qAtc "CREATE DATABASE \"$pg_db\"" >/dev/null
  db_env=(Database__Provider=Postgres "ConnectionStrings__ServiceDesk=${cs}Database=$pg_db")
  echo "readme-check: PostgreSQL database $pg_db"
else
  db_env=(Database__Provider=Sqlite "ConnectionStrings__ServiceDesk=Data Source=$work/readme.db")
  echo "readme-check: SQLite $work/readme.db"
fi

# --- the API -----------------------------------------------------------------------------------------------------
# Port 0: Kestrel takes a free port itself and logs it, so no other process can take it between a check and the bind.
(cd "$(dirname "$dll")" && exec env ASPNETCORE_URLS="http://127.0.0.1:0" ASPNETCORE_ENVIRONMENT=Development \
  Logging__LogLevel__Microsoft.Hosting.Lifetime=Information Seed__DemoData=true Auth__BootstrapAdminKey=change-me \
  "${db_env[@]}" dotnet "$dll") >"$work/api.log" 2>&1 &
pid=$!
base=""
for _ in $(seq 1 180); do
  if [ -z "$base" ]; then
    base=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/api.log" | head -n 1 | sed 's/^Now listening on: //' || true)
  fi
  if [ -n "$base" ] && curl -fs --max-time 5 "$base/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then base=""; break; fi
  sleep 1
done
if [ -z "$base" ] || ! curl -fs --max-time 5 "$base/health/ready" >/dev/null 2>&1; then
  tail -n 50 "$work/api.log" >&2; echo "readme-check: the API did not get ready" >&2; exit 1
fi
echo "readme-check: API ready on $base"

driver="$work/driver.sh"
cat >"$driver" <<EOF
set -euo pipefail
__rc_state='$work/state'
__rc_max_time='$max_time'
EOF
cat >>"$driver" <<'EOF'
__rc_block=""
__rc_fail() { echo "README.md $__rc_block: $*" >>"$__rc_state/failed"; printf '\nreadme-check FAILED: %s\n' "$*" >&2; }
# "# expect: NNN" in the README: the next curl must answer NNN
__rc_expect() { echo "$1" >"$__rc_state/expect"; }
# "# -> NNN ..." in the README: the last curl answered NNN
__rc_was() {
  local last; last=$(cat "$__rc_state/last" 2>/dev/null || echo none)
  if [ "$last" != "$1" ]; then __rc_fail "the comment says '-> $1' but the last curl answered $last"; return 1; fi
}
curl() {
  local expect="" status rc=0
  if [ -f "$__rc_state/expect" ]; then expect=$(cat "$__rc_state/expect"); rm -f "$__rc_state/expect"; fi
  command curl -sS --max-time "$__rc_max_time" "$@" -w '%{stderr}%{http_code}\n' 2>"$__rc_state/curl.err" || rc=$?
  status=$(tail -n 1 "$__rc_state/curl.err")
  head -n -1 "$__rc_state/curl.err" >&2
  echo "$status" >"$__rc_state/last"
  if [ "$rc" -ne 0 ]; then __rc_fail "curl $* -> exit $rc (no answer)"; return 1; fi
  if [ -n "$expect" ]; then
    if [ "$status" != "$expect" ]; then __rc_fail "curl $* -> $status, the README expects $expect"; return 1; fi
  elif [ "${status:0:1}" != 2 ]; then
    __rc_fail "curl $* -> $status (not 2xx, and no '# expect: $status' before it)"; return 1
  fi
  echo "[readme-check] $status" >&2
}
__rc_begin() { __rc_block="block $1 (line $2)"; echo "===== $__rc_block ====="; }
__rc_end() {
  if [ -f "$__rc_state/expect" ]; then __rc_fail "'# expect: $(cat "$__rc_state/expect")' with no curl after it"; fi
  [ ! -f "$__rc_state/failed" ]
}
EOF
for f in "$work/blocks"/*.sh; do
  n=$(basename "$f" .sh); line=$(head -n 1 "$f" | awk '{print $NF}')
  echo "__rc_begin $((10#$n)) $line" >>"$driver"
  tail -n +2 "$f" | sed -E \
    -e 's#http://localhost:5000#'"$base"'#g' \
    -e 's/^([[:space:]]*)# expect: ([0-9]{3})(.*)$/\1__rc_expect \2 #\3/' \
    -e 's/^([[:space:]]*)# -> ([0-9]{3})([^0-9].*)?$/\1__rc_was \2 #\3/' >>"$driver"
  printf '\n__rc_end\n' >>"$driver"
done
echo 'echo "===== all blocks ran ====="' >>"$driver"

echo "readme-check: running $run blocks, skipping $skipped (marked <!-- readme-check: skip -->)"
log="$work/session.log"
status=0
if [ "${READMECHECK_VERBOSE:-}" = 1 ]; then
  (cd "$work/cwd" && timeout -k 5 "$overall" bash "$driver") 2>&1 | tee "$log" || status=$?
else
  (cd "$work/cwd" && timeout -k 5 "$overall" bash "$driver") >"$log" 2>&1 || status=$?
fi
if [ "$status" -ne 0 ] || [ -f "$work/state/failed" ]; then
  if [ "${READMECHECK_VERBOSE:-}" != 1 ]; then
    # the failing block's output, from its header on
    awk '/^===== block /{buf=""} {buf = buf $0 "\n"} END{printf "%s", buf}' "$log" | tail -n 80 >&2
  fi
  [ "$status" -eq 124 ] && echo "readme-check: timed out after ${overall}s" >&2
  [ -f "$work/state/failed" ] && cat "$work/state/failed" >&2
  kill -0 "$pid" 2>/dev/null || echo "readme-check: the API process (pid $pid) had exited before the end: see its log" >&2
  grep -E '^(fail|crit)|Exception' "$work/api.log" | tail -n 20 >&2 || true
  kept=$(mktemp -d /tmp/servicedesk-readme-failed.XXXXXX)
  cp "$log" "$work/api.log" "$driver" "$kept/" 2>/dev/null || true
  echo "readme-check: the session's output, the API's log and the script run are kept in $kept" >&2
  echo "readme-check: FAILED (exit $status); $run blocks to run, $skipped skipped" >&2
  exit 1
fi
echo "readme-check: OK, $run blocks ran, $skipped skipped"
