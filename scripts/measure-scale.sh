#!/usr/bin/env bash
# Latency of API routes on a PostgreSQL database holding a million tickets (README "At a million tickets").
# Loads the data with tests/BulkLoad first if the database has no tickets, starts the API (Release) on it, and runs
# wrk (2 threads, or 1 for CONNECTIONS=1; $CONNECTIONS connections, $WRK_TIMEOUT timeout, a warm-up, then $SECONDS_PER_ROUTE seconds) on each route, printing a
# Markdown table: route, rows (tickets in the database), p50, p99, req/s. Bounded: every run has a fixed duration.
#
#   scripts/measure-scale.sh                         # the default routes (every list filter, read one, intake)
#   scripts/measure-scale.sh routes.txt              # or one route per line: "GET /api/v1/..." or "POST /api/v1/service-desk/tickets"
#   scripts/measure-scale.sh - <<< 'GET /api/v1/sla/at-risk'
#   CONNECTIONS=1 scripts/measure-scale.sh reports  # both reports x every groupBy over 90 days, 400 days, 2 years, and both SLA lists
#
# Placeholders in routes: {incident} {request} (a closed ticket's number), {customer} (the busiest customer's id),
# {group} and {assignee} (of the newest incident), {90d} {400d} {2y} (from=&to= ending at the midnight after the newest
# opening; the API runs with Reports:MaxPeriodDays=$REPORTS_MAX_PERIOD_DAYS, default 731, so that 2 years are allowed). The server: PGHOST, PGPORT, PGUSER, PGPASSWORD (libpq's
# variables); SCALE_DATABASE (default sd_scale), TICKETS / RATINGS for a load; CATCHUP_SECONDS (1800), how long to wait for the
# SLA monitor to work through the checks that came due since the data was loaded. Needs wrk, psql, python3.
# Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55447} PGUSER=${PGUSER:-postgres}
DATABASE=${SCALE_DATABASE:-sd_scale}
TICKETS=${TICKETS:-1000000}
RATINGS=${RATINGS:-100000}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=$(( CONNECTIONS < 2 ? CONNECTIONS : 2 ))
SECONDS_PER_ROUTE=${SECONDS_PER_ROUTE:-10}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
# wrk drops a request slower than its timeout from the latency figures (they would read 0us): keep it well above a report's time.
WRK_TIMEOUT=${WRK_TIMEOUT:-60s}
API_PORT=${API_PORT:-5183}  # below the ephemeral range, so no outgoing connection holds it
REPORTS_MAX_PERIOD_DAYS=${REPORTS_MAX_PERIOD_DAYS:-731}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
PSQL=$(command -v psql || ls -d /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)
cs="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER${PGPASSWORD:+;Password=$PGPASSWORD};Database=$DATABASE"
work=$(mktemp -d /tmp/servicedesk-scale.XXXXXX)
api_pid=""
cleanup() { if [ -n "$api_pid" ]; then kill "$api_pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT
sql() { "$PSQL" -d "$DATABASE" -Atc "$1"; }

have=$(sql 'SELECT count(*) FROM "Tickets"' 2>/dev/null || echo 0)
if [ "$have" = "0" ]; then
  echo "Loading $TICKETS tickets and $RATINGS ratings into $DATABASE..." >&2
  dotnet run -c Release --project tests/BulkLoad -- --connection "$cs" --tickets "$TICKETS" --ratings "$RATINGS" >&2
fi

if curl -s -o /dev/null "http://127.0.0.1:$API_PORT/"; then echo "Port $API_PORT is taken: set API_PORT" >&2; exit 1; fi
echo "Starting the API (Release) on $DATABASE..." >&2
dotnet publish src/Api -c Release -o "$work/api" >/dev/null
ADMIN_KEY=scale-admin-key
(cd "$work/api" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$API_PORT \
  Database__Provider=Postgres ConnectionStrings__ServiceDesk="$cs;Maximum Pool Size=64" Auth__BootstrapAdminKey=$ADMIN_KEY \
  RateLimiting__PermitLimit=1000000000 Logging__LogLevel__Default=Warning Sla__MonitorIntervalSeconds=3600 Reports__MaxPeriodDays=$REPORTS_MAX_PERIOD_DAYS \
  exec dotnet ServiceDesk.Api.dll >"$work/api.log" 2>&1) &
api_pid=$!
# The first start on a loaded database may build new indexes (migrations): give it time.
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$API_PORT/health/ready" >/dev/null || { cat "$work/api.log" >&2; exit 1; }
# A loaded database ages: by the time it is measured, the SLA checks of many tickets have come due, and the monitor's
# first pass (at start) works through them while the routes are measured, which makes every p99 its latency. A desk in
# service has its monitor up to date, so wait until it has caught up (at most $CATCHUP_SECONDS) before measuring.
catchup_until=$(( $(date +%s) + ${CATCHUP_SECONDS:-1800} ))
while :; do
  due=$(sql 'SELECT count(*) FROM "Tickets" WHERE "NextCheckAt" <= now()')
  [ "$due" -lt 1000 ] && break
  [ "$(date +%s)" -ge "$catchup_until" ] && { echo "The SLA monitor has not caught up ($due checks due): measuring anyway" >&2; break; }
  echo "Waiting for the SLA monitor: $due checks due" >&2
  sleep 15
done

api() { curl -sS --fail-with-body -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }
key=$(api -X POST "http://127.0.0.1:$API_PORT/api/v1/api-keys" -d '{"name":"scale-agent","roles":["Agent","Manager"]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')

incident=$(sql "SELECT \"Number\" FROM \"Tickets\" WHERE \"Kind\" = 'Incident' AND \"Status\" = 'Closed' ORDER BY \"OpenedAt\" DESC LIMIT 1")
request=$(sql "SELECT \"Number\" FROM \"Tickets\" WHERE \"Kind\" = 'ServiceRequest' AND \"Status\" = 'Closed' ORDER BY \"OpenedAt\" DESC LIMIT 1")
customer=$(sql 'SELECT "CustomerId" FROM "Tickets" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
group=$(sql "SELECT \"AssignmentGroup\" FROM \"Tickets\" WHERE \"Kind\" = 'Incident' ORDER BY \"OpenedAt\" DESC LIMIT 1")
assignee=$(sql "SELECT \"Assignee\" FROM \"Tickets\" WHERE \"Kind\" = 'Incident' AND \"Assignee\" IS NOT NULL ORDER BY \"OpenedAt\" DESC LIMIT 1")
product=$(sql "SELECT \"ProductCode\" FROM \"Tickets\" WHERE \"Kind\" = 'Incident' AND \"CustomerId\" = '$customer' AND \"ProductCode\" IS NOT NULL LIMIT 1")
year_ago=$(date -u -d '-365 days' +%Y-%m-%dT00:00:00Z)
month_later=$(date -u -d '-335 days' +%Y-%m-%dT00:00:00Z)
until=$(sql "SELECT to_char(date_trunc('day', max(\"OpenedAt\") AT TIME ZONE 'UTC') + interval '1 day', 'YYYY-MM-DD') FROM \"Tickets\"")
period() { echo "from=$(date -u -d "$until -$1 days" +%Y-%m-%dT00:00:00Z)&to=${until}T00:00:00Z"; }

if [ "${1:-}" = "reports" ]; then
  for days in 90d 400d 2y; do
    for report in sla-compliance service-quality; do
      for by in productLine customer serviceLevel priority; do echo "GET /api/v1/reports/$report?{$days}&groupBy=$by"; done
    done
  done >"$work/routes"
  printf '%s\n' 'GET /api/v1/sla/at-risk' 'GET /api/v1/sla/breaches?{90d}' 'GET /api/v1/sla/breaches?{400d}' 'GET /api/v1/sla/breaches?{2y}' >>"$work/routes"
elif [ $# -ge 1 ]; then
  if [ "$1" = "-" ]; then cat >"$work/routes"; else cp "$1" "$work/routes"; fi
else
  cat >"$work/routes" <<ROUTES
GET /api/v1/incidents
GET /api/v1/incidents?status=New
GET /api/v1/incidents?status=InProgress
GET /api/v1/incidents?status=OnHold
GET /api/v1/incidents?status=Resolved
GET /api/v1/incidents?status=Closed
GET /api/v1/incidents?status=Cancelled
GET /api/v1/incidents?priority=P1
GET /api/v1/incidents?priority=P4
GET /api/v1/incidents?customerId={customer}
GET /api/v1/incidents?productLine=SEC
GET /api/v1/incidents?group={group}
GET /api/v1/incidents?assignee={assignee}
GET /api/v1/incidents?breached=true
GET /api/v1/incidents?breached=false
GET /api/v1/incidents?openedFrom=$year_ago&openedTo=$month_later
GET /api/v1/incidents?status=Closed&priority=P1&customerId={customer}
GET /api/v1/service-requests
GET /api/v1/service-requests?status=InProgress
GET /api/v1/service-requests?priority=P1
GET /api/v1/service-requests?customerId={customer}
GET /api/v1/service-requests?breached=true
GET /api/v1/service-desk/queue
GET /api/v1/service-desk/queue?group={group}
GET /api/v1/changes
GET /api/v1/problems
GET /api/v1/incidents/{incident}
GET /api/v1/incidents/{incident}/sla
GET /api/v1/service-requests/{request}
POST /api/v1/service-desk/tickets
ROUTES
fi

cat >"$work/get.lua" <<LUA
wrk.headers["X-Api-Key"] = "$key"
LUA
cat >"$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = "$key"
wrk.body = [[{"type":"incident","customerId":"$customer","productCode":"$product","summary":"Scale measurement","description":"Raised by scripts/measure-scale.sh","impact":"Medium","urgency":"Medium","channel":"api","contact":{"name":"Bench"}}]]
LUA

rows=$(sql 'SELECT count(*) FROM "Tickets"')
echo "PostgreSQL $(sql 'SHOW server_version'), $rows tickets; wrk -t$THREADS -c$CONNECTIONS, ${WARMUP_SECONDS}s warm-up, ${SECONDS_PER_ROUTE}s measured, $(date -u +%FT%TZ)"
echo
echo "| route | rows | p50 | p99 | req/s |"
echo "| --- | ---: | ---: | ---: | ---: |"
while read -r method route; do
  [ -z "${method:-}" ] && continue
  case "$method" in \#*) continue;; esac
  path=${route//\{incident\}/$incident}; path=${path//\{request\}/$request}; path=${path//\{customer\}/$customer}
  path=${path//\{group\}/$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$group")}
  path=${path//\{assignee\}/$assignee}
  path=${path//\{90d\}/"$(period 90)"}; path=${path//\{400d\}/"$(period 400)"}; path=${path//\{2y\}/"$(period 730)"}
  script="$work/get.lua"; [ "$method" = "POST" ] && script="$work/post.lua"
  code=$(curl -s -o /dev/null -w '%{http_code}' -X "$method" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
    --data-binary "$( [ "$method" = POST ] && sed -n 's/^wrk.body = \[\[\(.*\)\]\]$/\1/p' "$work/post.lua" )" "http://127.0.0.1:$API_PORT$path")
  if [ "${code:0:1}" != "2" ]; then echo "| \`$method $route\` | $rows | HTTP $code | | |"; continue; fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" --timeout "$WRK_TIMEOUT" -s "$script" "http://127.0.0.1:$API_PORT$path" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_ROUTE}s" --timeout "$WRK_TIMEOUT" --latency -s "$script" "http://127.0.0.1:$API_PORT$path")
  if echo "$out" | grep -q "Non-2xx"; then echo "| \`$method $route\` | $rows | errors | | |"; continue; fi
  timeouts=$(echo "$out" | sed -n 's/.*timeout \([0-9]*\).*/\1/p'); timeouts=${timeouts:-0}
  if [ "$timeouts" != "0" ]; then echo "| \`$method $route\` | $rows | $timeouts timeouts (> $WRK_TIMEOUT) | | |"; continue; fi
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}'); p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  rps=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  echo "| \`$method $route\` | $rows | $p50 | $p99 | $rps |"
done <"$work/routes"
