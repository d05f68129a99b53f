#!/usr/bin/env bash
# Throughput of ticket intake and ticket read on PostgreSQL, next to a bare ASP.NET Core + Npgsql service that
# inserts / selects one row on the same machine (tests/LoadBaseline). Bounded: each run lasts $SECONDS_PER_RUN.
#
#   scripts/benchmark.sh                      # starts a throwaway PostgreSQL cluster (needs root + Debian's postgresql)
#   BENCH_POSTGRES="Host=...;Username=...;Password=..." scripts/benchmark.sh   # or use a server of yours (the
#                                                                              # user must be allowed to create databases)
# Needs wrk (apt-get install wrk). Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS=${CONNECTIONS:-8}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
# Tiered JIT on 2 busy cores takes a while to reach steady state: each scenario first runs unmeasured this long.
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
API_PORT=5181
BASE_PORT=5182
work=$(mktemp -d /tmp/servicedesk-bench.XXXXXX)
pids=()
pgbin=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$pgbin" ]; then su postgres -s /bin/sh -c "'$pgbin/pg_ctl' -D '$work/pgdata' -m fast stop" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }

if [ -z "${BENCH_POSTGRES:-}" ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$work/pgdata" && chown -R postgres "$work" && chmod 700 "$work/pgdata"
  su postgres -s /bin/sh -c "'$pgbin/initdb' -D '$work/pgdata' -U postgres --auth=trust >/dev/null"
  su postgres -s /bin/sh -c "'$pgbin/pg_ctl' -D '$work/pgdata' -l '$work/pg.log' -w -o \"-c listen_addresses=127.0.0.1 -p 55440 -k '$work' -c max_connections=200\" start" >/dev/null
  BENCH_POSTGRES="Host=127.0.0.1;Port=55440;Username=postgres"
fi
db_suffix=$(date +%s)
api_cs="$BENCH_POSTGRES;Database=sd_bench_$db_suffix;Maximum Pool Size=64"

echo "Building (Release)..."
dotnet publish src/Api -c Release -o "$work/api" >/dev/null
dotnet publish tests/LoadBaseline -c Release -o "$work/baseline" >/dev/null

# The API creates its own database when it migrates.
ADMIN_KEY=bench-admin-key
(cd "$work/api" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$API_PORT \
  Database__Provider=Postgres ConnectionStrings__ServiceDesk="$api_cs" Auth__BootstrapAdminKey=$ADMIN_KEY \
  RateLimiting__PermitLimit=1000000000 Logging__LogLevel__Default=Warning Sla__MonitorIntervalSeconds=3600 \
  exec dotnet ServiceDesk.Api.dll >"$work/api.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null || { cat "$work/api.log"; exit 1; }

api() { curl -sS --fail-with-body -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }
customer=$(api -X POST "http://127.0.0.1:$API_PORT/api/v1/customers" -d '{"code":"BENCH","name":"Benchmark Ltd","contacts":[{"name":"Bench"}]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api -X POST "http://127.0.0.1:$API_PORT/api/v1/customers/$customer/agreements" \
  -d '{"serviceLevelCode":"GOLD","productLineCode":"OPS","validFrom":"2020-01-01T00:00:00Z"}' >/dev/null
agent=$(api -X POST "http://127.0.0.1:$API_PORT/api/v1/api-keys" -d '{"name":"bench-agent","roles":["Agent"]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
body='{"type":"incident","customerId":"'$customer'","productCode":"OPS-INF-01","summary":"Benchmark incident","description":"Raised by scripts/benchmark.sh","impact":"Medium","urgency":"Medium","channel":"api","contact":{"name":"Bench"}}'
number=$(curl -sf -X POST -H "X-Api-Key: $agent" -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$API_PORT/api/v1/service-desk/tickets" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')

cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$agent"
wrk.body = [[$body]]
LUA
cat >"$work/get.lua" <<LUA
wrk.headers["X-Api-Key"] = "$agent"
LUA
cat >"$work/base-post.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"summary":"Benchmark row"}'
LUA

# Requests per second of one wrk run; a run with any non-2xx answer is not a measurement, so it stops the script.
rps() {
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --latency "$@")
  echo "$out" >>"$work/wrk.log"
  if echo "$out" | grep -q "Non-2xx"; then
    echo "wrk saw error responses for $*:" >&2; echo "$out" >&2; exit 1
  fi
  echo "$out" | awk '/Requests\/sec/ {print $2}'
}
warm() { wrk -t2 -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$@" >/dev/null; }
echo "ServiceDesk on PostgreSQL, $CONNECTIONS connections, ${SECONDS_PER_RUN}s each:"
warm -s "$work/post.lua" "http://127.0.0.1:$API_PORT/api/v1/service-desk/tickets"
intake=$(rps -s "$work/post.lua" "http://127.0.0.1:$API_PORT/api/v1/service-desk/tickets")
warm -s "$work/get.lua" "http://127.0.0.1:$API_PORT/api/v1/incidents/$number"
read=$(rps -s "$work/get.lua" "http://127.0.0.1:$API_PORT/api/v1/incidents/$number")
kill "${pids[0]}" 2>/dev/null || true

# The baseline keeps its one table in the server's default database.
(cd "$work/baseline" && ASPNETCORE_URLS=http://127.0.0.1:$BASE_PORT ConnectionString="$BENCH_POSTGRES;Database=postgres;Maximum Pool Size=64" \
  exec dotnet ServiceDesk.LoadBaseline.dll >"$work/baseline.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 30); do curl -sf -X POST -H 'Content-Type: application/json' -d '{"summary":"x"}' "http://127.0.0.1:$BASE_PORT/rows" -o "$work/row.json" && break; sleep 1; done
row=$(python3 -c 'import json; print(json.load(open("'"$work/row.json"'"))["id"])')
warm -s "$work/base-post.lua" "http://127.0.0.1:$BASE_PORT/rows"
base_insert=$(rps -s "$work/base-post.lua" "http://127.0.0.1:$BASE_PORT/rows")
warm "http://127.0.0.1:$BASE_PORT/rows/$row"
base_select=$(rps "http://127.0.0.1:$BASE_PORT/rows/$row")

python3 - "$intake" "$read" "$base_insert" "$base_select" <<'PY'
import sys
intake, read, base_insert, base_select = map(float, sys.argv[1:])
print(f"{'':24}{'req/s':>10}{'baseline':>10}{'ratio':>8}{'target':>8}")
print(f"{'ticket intake (POST)':24}{intake:10.0f}{base_insert:10.0f}{intake/base_insert:8.0%}{'50%':>8}")
print(f"{'ticket read (GET)':24}{read:10.0f}{base_select:10.0f}{read/base_select:8.0%}{'70%':>8}")
PY
