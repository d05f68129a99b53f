#!/usr/bin/env bash
# The hot paths of ServiceDesk next to a bare ASP.NET Core + Npgsql service that inserts / selects one row
# (tests/LoadBaseline), on the same PostgreSQL in one run, each scenario on the API and then at once on the baseline,
# and one table with the ratios per round (ROUNDS, default 2), then the rounds' medians:
#
#   create c1   POST /service-desk/tickets, 1 connection      vs the baseline's INSERT of one row, 1 connection
#   create c8   the same with 8 connections                   vs the baseline's INSERT, 8 connections
#   read c8     GET /incidents/{number}, 8 connections        vs the baseline's SELECT of one row, 8 connections
#   list c8     GET /incidents?limit=50, 8 connections        vs ServiceDesk's own read c8 (the goal is >= 60 %)
#
# with req/s, p50, p99, the API's peak working set (VmHWM, reset before each scenario) and its garbage collections
# per 1,000 requests (dotnet-counters from dotnet-tools.json; "n/a" when the tool cannot be restored). Last, the
# database alone: pgbench runs an intake's three INSERTs and the baseline's one on the same server, at 1 and 8
# connections, without either service (what the data costs, whatever the API does; only with the throwaway cluster).
# With the throwaway cluster, each measurement starts right after a VACUUM (ANALYZE) of both databases, so that no
# autovacuum of an earlier scenario's rows runs into it. From the two, it then estimates what create c1 and c8 could
# reach for an API whose own work cost nothing (latency at one connection, the machine's busy CPU per request at eight,
# measured around every run): whether the intake goals are within reach on this machine at all.
#
#   scripts/benchmark.sh                      # starts a throwaway PostgreSQL cluster (needs root + Debian's postgresql)
#   BENCH_POSTGRES="Host=...;Username=...;Password=..." scripts/benchmark.sh   # or use a server of yours (the
#                                                                              # user must be allowed to create databases)
# Knobs: ROUNDS (2), SECONDS_PER_RUN (15), WARMUP_SECONDS (20), API_ENV="DOTNET_gcServer=1 ..." (extra environment for the API),
# BENCH_PGPORT (55440, the throwaway cluster's port).
# Bounded: every wrk run lasts its seconds, every curl has a timeout, and the whole script stops after
# BENCH_TIMEOUT seconds (default 1,500). A run that saw any error response is refused.
# Needs wrk (apt-get install wrk). Everything listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN=${SECONDS_PER_RUN:-15}
ROUNDS=${ROUNDS:-2}
# Tiered JIT on 2 busy cores takes a while to reach steady state: each scenario first runs unmeasured this long.
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
BENCH_TIMEOUT=${BENCH_TIMEOUT:-1500}
API_ENV=${API_ENV:-}
API_PORT=5181
# The throwaway cluster's port (when BENCH_POSTGRES is not given); change it if a server of yours already listens there.
PG_PORT=${BENCH_PGPORT:-55440}
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
# The whole run is bounded: a watchdog ends this script (and so, through the trap, everything it started).
( sleep "$BENCH_TIMEOUT"; echo "benchmark.sh: over ${BENCH_TIMEOUT}s, stopped" >&2; kill -TERM $$ ) 2>/dev/null &
watchdog=$!
pids+=("$watchdog")

if [ -z "${BENCH_POSTGRES:-}" ]; then
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  mkdir -p "$work/pgdata" && chown -R postgres "$work" && chmod 700 "$work/pgdata"
  su postgres -s /bin/sh -c "'$pgbin/initdb' -D '$work/pgdata' -U postgres --auth=trust >/dev/null"
  su postgres -s /bin/sh -c "'$pgbin/pg_ctl' -D '$work/pgdata' -l '$work/pg.log' -w -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$work' -c max_connections=200\" start" >/dev/null
  BENCH_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
fi
db_suffix=$(date +%s)
api_cs="$BENCH_POSTGRES;Database=sd_bench_$db_suffix;Maximum Pool Size=64"

counters=""
if dotnet tool restore >/dev/null 2>&1 && dotnet tool run dotnet-counters --version >/dev/null 2>&1; then counters="dotnet tool run dotnet-counters"; fi

echo "Building (Release)..."
dotnet publish src/Api -c Release -o "$work/api" >/dev/null
dotnet publish tests/LoadBaseline -c Release -o "$work/baseline" >/dev/null

# The API creates its own database when it migrates.
ADMIN_KEY=bench-admin-key
(cd "$work/api" && exec env $API_ENV ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$API_PORT \
  Database__Provider=Postgres ConnectionStrings__ServiceDesk="$api_cs" Auth__BootstrapAdminKey=$ADMIN_KEY \
  RateLimiting__PermitLimit=1000000000 Logging__LogLevel__Default=Warning Sla__MonitorIntervalSeconds=3600 \
  dotnet ServiceDesk.Api.dll >"$work/api.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 60); do curl -sf -m 5 "http://127.0.0.1:$API_PORT/health/ready" >/dev/null && break; sleep 1; done
curl -sf -m 5 "http://127.0.0.1:$API_PORT/health/ready" >/dev/null || { cat "$work/api.log"; exit 1; }
api_pid=${pids[1]}

# (creating the database logs a failed first connection: only what comes after readiness counts)
log_start=$(( $(wc -l <"$work/api.log") + 1 ))
api() { curl -sS -m 30 --fail-with-body -H "X-Api-Key: $ADMIN_KEY" -H 'Content-Type: application/json' "$@"; }
customer=$(api -X POST "http://127.0.0.1:$API_PORT/api/v1/customers" -d '{"code":"BENCH","name":"Benchmark Ltd","contacts":[{"name":"Bench"}]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
api -X POST "http://127.0.0.1:$API_PORT/api/v1/customers/$customer/agreements" \
  -d '{"serviceLevelCode":"GOLD","productLineCode":"OPS","validFrom":"2020-01-01T00:00:00Z"}' >/dev/null
agent=$(api -X POST "http://127.0.0.1:$API_PORT/api/v1/api-keys" -d '{"name":"bench-agent","roles":["Agent"]}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
body='{"type":"incident","customerId":"'$customer'","productCode":"OPS-INF-01","summary":"Benchmark incident","description":"Raised by scripts/benchmark.sh","impact":"Medium","urgency":"Medium","channel":"api","contact":{"name":"Bench"}}'
number=$(curl -sf -m 30 -X POST -H "X-Api-Key: $agent" -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$API_PORT/api/v1/service-desk/tickets" \
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

# The table: one round's 7 results (4 API scenarios, 3 baseline ones) or several rounds' (then medians).
cat >"$work/table.py" <<'PY'
import statistics, sys
title, values = sys.argv[1], sys.argv[2:]
# per round: create c1, create c8, read c8, list c8 (API: "req/s p50 p99 peak_mb gc cpu"), base c1, base c8, base read
# (baseline: "req/s p50 p99 requests cpu")
rounds = [values[i:i + 7] for i in range(0, len(values), 7)]
scenarios = [("create c1", 0, 4, "50%"), ("create c8", 1, 5, "50%"), ("read c8", 2, 6, "70%"),
             ("list c8 (vs read c8)", 3, 2, "60%")]
median = statistics.median
print(title + ":")
print(f"{'':22}{'req/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'base req/s':>11}{'base p50':>9}{'base p99':>9}{'ratio':>7}{'goal':>6}{'peak MB':>9}{'GC/1k req':>10}")
for name, measured, against, goal in scenarios:
    api = [r[measured].split() for r in rounds]
    base = [list(map(float, r[against].split()[:3])) for r in rounds]
    rps, p50, p99 = (median(float(a[i]) for a in api) for i in range(3))
    ratio = median(float(a[0]) / b[0] for a, b in zip(api, base))
    peak = max(int(a[3]) for a in api)
    gcs = [float(a[4]) for a in api if a[4] != "n/a"]
    gc = f"{median(gcs):.1f}" if gcs else "n/a"
    print(f"{name:22}{rps:8.0f}{p50:8.2f}{p99:8.2f}{median(b[0] for b in base):11.0f}{median(b[1] for b in base):9.2f}"
          f"{median(b[2] for b in base):9.2f}{ratio:7.0%}{goal:>6}{peak:>9}{gc:>10}")
PY

# The machine's busy CPU time so far, in ms, all cores (user, nice, system, irq, softirq; not idle, I/O wait or steal):
# around a run, what everything on the machine spent on it (the service, PostgreSQL, wrk or pgbench, the kernel, and
# during the API's runs dotnet-counters). So it assumes a quiet machine: anything else running is counted too.
busy_ms() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.0f\n", ($2 + $3 + $4 + $7 + $8) * 1000 / hz}' /proc/stat; }

# One measured wrk run: prints "req/s p50_ms p99_ms requests cpu_ms" (the machine's busy CPU per request). A run with
# any non-2xx answer or socket error is not a measurement, so it stops the script.
measure() {
  local connections=$1; shift
  local out busy0 busy1
  busy0=$(busy_ms)
  out=$(wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency "$@")
  busy1=$(busy_ms)
  echo "$out" >>"$work/wrk.log"
  if echo "$out" | grep -qE "Non-2xx|Socket errors"; then
    echo "wrk saw errors for $*:" >&2; echo "$out" >&2; exit 1
  fi
  echo "$out" | python3 -c '
import re, sys
busy = float(sys.argv[2]) - float(sys.argv[1])
text = sys.stdin.read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
p50 = ms(re.search(r"^\s+50%\s+(\S+)", text, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", text, re.M).group(1))
requests = re.search(r"(\d+) requests in", text).group(1)
print(rps, p50, p99, requests, f"{busy / int(requests):.4f}")' "$busy0" "$busy1"
}
warm() {
  local connections=$1; shift
  wrk -t"$(( connections < 2 ? 1 : 2 ))" -c"$connections" -d"${WARMUP_SECONDS}s" "$@" >/dev/null
}
# Maintenance started by what ran before (autovacuum of the rows a create scenario and its warm-up wrote, on 2 cores a
# few seconds of a whole core at a moment no one chooses) must not fall into a measurement, on either side: each
# measurement, the API's and the baseline's, starts right after a VACUUM (ANALYZE) of both databases, as pgbench
# vacuums before it runs. Only with the throwaway cluster (that is where psql comes from).
psql_bin=""; pg_args=(-h 127.0.0.1 -p "$PG_PORT" -U postgres); api_db="sd_bench_$db_suffix"
if [ -n "$pgbin" ]; then psql_bin="$pgbin/psql"; fi
settle() {
  [ -n "$psql_bin" ] || return 0
  "$psql_bin" "${pg_args[@]}" -d "$api_db" -qc 'VACUUM (ANALYZE)' >/dev/null
  "$psql_bin" "${pg_args[@]}" -d postgres -qc 'VACUUM (ANALYZE)' >/dev/null
}
# The API's scenario: warm up, settle, reset its peak working set, count its GCs while measuring. Prints
# "req/s p50 p99 peak_mb gc_per_1000 cpu_ms" (collections of all generations; the machine's busy CPU per request).
api_scenario() {
  local connections=$1; shift
  warm "$connections" "$@"
  settle
  echo 5 >"/proc/$api_pid/clear_refs" 2>/dev/null || true
  local gcfile="$work/gc-$RANDOM.csv" cpid=""
  if [ -n "$counters" ]; then
    # The collector covers the whole measured run (it starts first and stops 3 s after it): GCs / requests. It writes
    # its CSV only when it ends, so its "Starting a counter session" line is what says it is attached.
    $counters collect -p "$api_pid" --counters 'System.Runtime[dotnet.gc.collections]' --refresh-interval 1 \
      --duration "00:00:00:$(printf '%02d' $(( SECONDS_PER_RUN + 3 )))" --format csv -o "$gcfile" >"$gcfile.log" 2>&1 &
    cpid=$!
    for _ in $(seq 1 60); do grep -q "Starting a counter session" "$gcfile.log" 2>/dev/null && break; sleep 0.5; done
  fi
  local result
  result=$(measure "$connections" "$@")
  [ -n "$cpid" ] && { wait "$cpid" 2>/dev/null || true; }
  local peak_kb
  peak_kb=$(awk '/VmHWM/ {print $2}' "/proc/$api_pid/status")
  python3 - "$result" "$peak_kb" "$gcfile" <<'PY'
import csv, os, sys
rps, p50, p99, requests, cpu = map(float, sys.argv[1].split())
peak_mb = int(sys.argv[2]) / 1024
gc = "n/a"
path = sys.argv[3]
if os.path.exists(path):
    rows = [r for r in csv.reader(open(path)) if len(r) >= 5 and "dotnet.gc.collections" in r[2]]
    if rows:
        gc = f"{sum(float(r[4]) for r in rows) / requests * 1000:.1f}"
print(rps, p50, p99, f"{peak_mb:.0f}", gc, cpu)
PY
}

# The baseline keeps its one table in the server's default database.
(cd "$work/baseline" && ASPNETCORE_URLS=http://127.0.0.1:$BASE_PORT ConnectionString="$BENCH_POSTGRES;Database=postgres;Maximum Pool Size=64" \
  exec dotnet ServiceDesk.LoadBaseline.dll >"$work/baseline.log" 2>&1) &
pids+=($!)
for _ in $(seq 1 30); do curl -sf -m 5 -X POST -H 'Content-Type: application/json' -d '{"summary":"x"}' "http://127.0.0.1:$BASE_PORT/rows" -o "$work/row.json" && break; sleep 1; done
row=$(python3 -c 'import json; print(json.load(open("'"$work/row.json"'"))["id"])')

# The API's background work (the webhook dispatcher fanning out the last scenario's events) must be over before the
# baseline is measured: wait, at most 30 s, until the API uses under 3 % of a core for a second.
api_quiet() {
  local tick a0 a1
  tick=$(getconf CLK_TCK)
  for _ in $(seq 1 30); do
    a0=$(awk '{print $14+$15}' "/proc/$api_pid/stat"); sleep 1; a1=$(awk '{print $14+$15}' "/proc/$api_pid/stat")
    if [ $(( (a1 - a0) * 100 / tick )) -lt 3 ]; then return 0; fi
  done
}
base_scenario() {
  local connections=$1; shift
  warm "$connections" "$@"
  api_quiet
  settle
  measure "$connections" "$@"
}

# Each scenario is measured on the API and then at once on the baseline, so that both sides of a ratio see the same
# machine (on shared hosts the baseline alone moved by half between runs); ROUNDS repeats the whole set.
echo "ServiceDesk and the baseline on PostgreSQL, ${SECONDS_PER_RUN}s each after ${WARMUP_SECONDS}s warm-up, $ROUNDS round(s)${API_ENV:+ (API with $API_ENV)}:"
rounds=()
for round in $(seq 1 "$ROUNDS"); do
  create_c1=$(api_scenario 1 -s "$work/post.lua" "http://127.0.0.1:$API_PORT/api/v1/service-desk/tickets")
  base_c1=$(base_scenario 1 -s "$work/base-post.lua" "http://127.0.0.1:$BASE_PORT/rows")
  create_c8=$(api_scenario 8 -s "$work/post.lua" "http://127.0.0.1:$API_PORT/api/v1/service-desk/tickets")
  base_c8=$(base_scenario 8 -s "$work/base-post.lua" "http://127.0.0.1:$BASE_PORT/rows")
  read_c8=$(api_scenario 8 -s "$work/get.lua" "http://127.0.0.1:$API_PORT/api/v1/incidents/$number")
  base_read=$(base_scenario 8 "http://127.0.0.1:$BASE_PORT/rows/$row")
  list_c8=$(api_scenario 8 -s "$work/get.lua" "http://127.0.0.1:$API_PORT/api/v1/incidents?limit=50")
  rounds+=("$create_c1" "$create_c8" "$read_c8" "$list_c8" "$base_c1" "$base_c8" "$base_read")
  python3 "$work/table.py" "Round $round" "${rounds[@]: -7}"
done
if [ "$ROUNDS" -gt 1 ]; then
  python3 "$work/table.py" "Median of the $ROUNDS rounds (ratio: the median of the rounds' ratios; peak MB: the highest)" "${rounds[@]}"
fi
if errors=$(tail -n +"$log_start" "$work/api.log" | grep -A5 -E "Unhandled|fail:"); then
  echo "$errors" >&2; echo "the API logged errors" >&2; exit 1
fi

# The database alone: what the API could reach if its own work cost nothing. pgbench (prepared statements) runs the
# three INSERTs of one intake as the API wrote them (the run's first ticket, its outbox event and its history line, with
# fresh keys) in one pipeline, one implicit transaction as the API's batch, and the baseline's one INSERT, on the same
# server, with both services stopped. Values are literals, so the Bind of the API's ~70 parameters is not in it: a
# floor, not the API's cost. Two things make the rows what an intake writes rather than copies of one row: the event is
# pending (the first ticket's has long been fanned out, and a processed event skips the two pending indexes), and every
# instant is the transaction's now() plus its offset from the ticket's opening (identical keys would let the queue and
# SLA indexes deduplicate them).
pgbench_bin=""
if [ -n "$pgbin" ]; then pgbench_bin="$pgbin/pgbench"; fi
if [ -n "$pgbench_bin" ] && [ -x "$pgbench_bin" ]; then
  for pid in "${pids[@]:1}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:1}"; do while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done; done
  for table in Tickets OutboxMessages TicketHistory; do
    case $table in
      Tickets) where="\"Number\" = '$number'" ;;
      OutboxMessages) where="\"Number\" = '$number' AND \"Type\" = 'ticket.created'" ;;
      TicketHistory) where="\"TicketId\" = (SELECT \"Id\" FROM \"Tickets\" WHERE \"Number\" = '$number') AND \"Sequence\" = 1" ;;
    esac
    "$psql_bin" "${pg_args[@]}" -d "$api_db" -Atc "SELECT row_to_json(t) FROM \"$table\" t WHERE $where" >"$work/row_$table.json"
    [ -s "$work/row_$table.json" ] || { echo "The database alone: no $table row of $number to copy" >&2; exit 1; }
  done
  "$psql_bin" "${pg_args[@]}" -d "$api_db" -qc 'CREATE SEQUENCE IF NOT EXISTS bench_floor' >/dev/null
  python3 - "$work" <<'PY'
import json, re, sys
from datetime import datetime
work = sys.argv[1]
row = lambda table: json.load(open(f"{work}/row_{table}.json"))
instant = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00")
opened = datetime.fromisoformat(row("Tickets")["OpenedAt"])
def literal(v):
    if v is None: return "NULL"
    if isinstance(v, bool): return "true" if v else "false"
    if isinstance(v, (int, float)): return str(v)
    if isinstance(v, str) and instant.fullmatch(v):
        return f"now() + interval '{(datetime.fromisoformat(v) - opened).total_seconds()} seconds'"
    return "'" + str(v).replace("'", "''") + "'"
def insert(table, values, fresh):
    columns = list(values)
    return (f'INSERT INTO "{table}" (' + ", ".join(f'"{c}"' for c in columns) + ") VALUES ("
            + ", ".join(fresh.get(c, literal(values[c])) for c in columns) + ");")
# A fresh ticket per transaction: the event takes the next number of a sequence, the ticket and its line the same one.
ticket_id, number = "md5('t' || currval('bench_floor'))::uuid", "'B' || currval('bench_floor')"
statements = [
    insert("OutboxMessages", row("OutboxMessages"), {"Id": "md5('o' || nextval('bench_floor'))::uuid", "Number": number, "Position": "currval('bench_floor')",
                                                     "ProcessedAt": "NULL"}),
    insert("Tickets", row("Tickets"), {"Id": ticket_id, "Number": number}),
    insert("TicketHistory", row("TicketHistory"), {"TicketId": ticket_id, "Id": "md5('h' || currval('bench_floor'))::uuid"}),
]
open(f"{work}/floor-intake.sql", "w").write("\\startpipeline\n" + "\n".join(statements) + "\n\\endpipeline\n")
open(f"{work}/floor-base.sql", "w").write("INSERT INTO baseline_rows (id, summary, created_at) VALUES (gen_random_uuid(), 'Benchmark row', now());\n")
PY
  # "tps latency_ms cpu_ms" of one pgbench run (after as long a warm-up; cpu_ms: the machine's busy CPU per
  # transaction), or the script stops.
  floor_run() {
    local db=$1 script=$2 clients=$3 out busy0 busy1
    "$pgbench_bin" "${pg_args[@]}" -n -M prepared -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" -T 5 -f "$script" "$db" >/dev/null 2>&1
    # As for the services' runs: no autovacuum of the rows written before may fall into the measured run (-n: pgbench's
    # own vacuum would touch only its standard tables).
    settle
    busy0=$(busy_ms)
    out=$("$pgbench_bin" "${pg_args[@]}" -n -M prepared -c "$clients" -j "$(( clients < 2 ? 1 : 2 ))" -T "$SECONDS_PER_RUN" -f "$script" "$db" 2>&1) \
      || { echo "pgbench failed:" >&2; echo "$out" >&2; exit 1; }
    busy1=$(busy_ms)
    echo "$out" | python3 -c '
import re, sys
t = sys.stdin.read()
transactions = int(re.search(r"number of transactions actually processed: (\d+)", t).group(1))
print(re.search(r"tps = ([\d.]+)", t).group(1), re.search(r"latency average = ([\d.]+) ms", t).group(1),
      f"{(float(sys.argv[2]) - float(sys.argv[1])) / transactions:.4f}")' "$busy0" "$busy1"
  }
  echo "The database alone (pgbench, ${SECONDS_PER_RUN}s each; an intake's three INSERTs against the baseline's one; no API):"
  printf '%-12s%14s%12s%14s%12s%8s\n' "" "intake tx/s" "avg ms" "baseline tx/s" "avg ms" "ratio"
  for clients in 1 8; do
    read -r i_tps i_lat i_cpu <<<"$(floor_run "$api_db" "$work/floor-intake.sql" "$clients")"
    read -r b_tps b_lat b_cpu <<<"$(floor_run postgres "$work/floor-base.sql" "$clients")"
    # (floor_run's exit ends only its own subshell: an empty figure is its failure, reported above)
    [ -n "${i_tps:-}" ] && [ -n "${b_tps:-}" ] || exit 1
    printf '%-12s%14.0f%12.3f%14.0f%12.3f%7.0f%%\n' "c$clients" "$i_tps" "$i_lat" "$b_tps" "$b_lat" "$(python3 -c "print($i_tps / $b_tps * 100)")"
    if [ "$clients" = 1 ]; then c1_floor=("$i_lat" "$b_lat"); else c8_floor=("$i_cpu" "$b_cpu"); fi
  done
  # What create c1 could reach on this machine if the API's own work cost nothing. At one connection a request's time is
  # its latency: the baseline's (1 / its req/s over HTTP) is its INSERT's time in the database plus everything around it
  # (wrk, the socket, Kestrel, Npgsql). An API that did nothing but send an intake's rows would pay that same
  # "around" plus the rows' time in the database (pgbench's, a floor: literals, no Bind of the API's parameters). So its
  # ratio is at most (around + INSERT) / (around + intake). One figure per round, with the round's baseline.
  base_c1_rps=()
  for ((i = 4; i < ${#rounds[@]}; i += 7)); do base_c1_rps+=("$(echo "${rounds[$i]}" | cut -d' ' -f1)"); done
  python3 - "${c1_floor[0]}" "${c1_floor[1]}" "${base_c1_rps[@]}" <<'PY'
import sys
intake, insert = float(sys.argv[1]), float(sys.argv[2])
ceilings = []
for rps in map(float, sys.argv[3:]):
    request = 1000 / rps
    ceilings.append(f"{request / (request - insert + intake):.0%} (baseline request {request:.3f} ms)")
print(f"Create c1 for an API whose own work cost nothing, with the rows of an intake ({intake:.3f} ms in the database "
      f"against the baseline's {insert:.3f}): at most " + ", ".join(ceilings) + " by round; goal 50%.")
PY
  # The same for create c8, where the cores rather than latency are the limit: the machine's busy CPU per request. The
  # baseline's request over HTTP spends its INSERT's CPU (pgbench's) plus everything around it; an API that did
  # nothing but write an intake's rows would spend that "around" plus the rows' CPU (pgbench's, one intake per
  # transaction: where it was measured, groups of 4 were within the runs' spread and groups of 8 about a tenth
  # cheaper, so the floor may be up to a tenth high for grouped intakes). Its rate is about that CPU's share of the
  # cores: base_cpu / floor of the baseline's rate if it keeps the cores as busy as the baseline did, cores x 1000 /
  # (floor in ms x the baseline's rate) if it keeps them all busy. An estimate, not a bound: it assumes the CPU per
  # request does not change with how busy the cores are. Printed with the API's CPU per intake in the round and its
  # own work beyond the floor.
  c8_cpu=()
  for ((i = 0; i < ${#rounds[@]}; i += 7)); do
    c8_cpu+=("$(echo "${rounds[$((i + 5))]}" | cut -d' ' -f1,5) $(echo "${rounds[$((i + 1))]}" | cut -d' ' -f1,6)")
  done
  python3 - "${c8_floor[0]}" "${c8_floor[1]}" "$(getconf _NPROCESSORS_ONLN)" "${c8_cpu[@]}" <<'PY'
import sys
intake, insert, cores = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"Create c8 for an API whose own work cost nothing, estimated (the machine's busy CPU per request; an intake's rows "
      f"{intake:.3f} ms in pgbench against the baseline's INSERT {insert:.3f}):")
for n, figures in enumerate(sys.argv[4:], 1):
    base_rps, base_cpu, api_rps, api_cpu = map(float, figures.split())
    floor = base_cpu - insert + intake
    busy = lambda rps, cpu: rps * cpu / (cores * 1000)
    print(f"  round {n}: about {base_cpu / floor:.0%} with the cores as busy as the baseline kept them ({busy(base_rps, base_cpu):.0%}: "
          f"{base_cpu:.3f} ms a request), {cores * 1000 / floor / base_rps:.0%} with all {cores} cores busy; the API spent {api_cpu:.3f} ms "
          f"an intake ({busy(api_rps, api_cpu):.0%} busy), {api_cpu - floor:.3f} beyond the floor of {floor:.3f}")
PY
else
  echo "The database alone: skipped (pgbench comes with the throwaway cluster; not run with BENCH_POSTGRES)."
fi
