#!/usr/bin/env bash
# Where one request's time goes, from the system calls: a service answering HTTP with a round trip to PostgreSQL is
# loaded at one connection by wrk, `perf` records every process's sendto / recvfrom / fdatasync for a few seconds,
# and each request is cut into its hand-offs (medians, means and 90th percentiles in microseconds):
#
#   1 request in -> statement out    the service's own work before PostgreSQL is asked (HTTP, auth, binding, rules)
#   2 statement out -> reply out     PostgreSQL: 2a until its commit's WAL flush starts, 2b the flush (fdatasync)
#   3 reply out -> service reads it  the kernel and the service's wake-up (epoll thread, thread pool)
#   4 reply read -> response out     the service's work after the database (result, JSON, headers)
#   5 request in -> response out     all of it; add "wrk's turnaround" for the time per request at one connection
#
# A microscope for the service's own path (phases 1 and 4) next to the database's (2) and the hand-off (3). The
# machine's speed still moves every phase together (wrk's turnaround, which the service does not touch, shows by how
# much), so compare two services or builds in adjacent runs, each a few times, as with throughput.
#
#   scripts/trace-requests.sh SCRIPT.lua URL [SECONDS]     e.g. the post.lua that scripts/benchmark.sh writes, with
#                                                           http://127.0.0.1:5181/api/v1/service-desk/tickets
#
# Needs root, perf (apt-get install linux-perf), wrk and python3; the service must listen on the URL's port and
# talk to a PostgreSQL on this machine. Bounded: wrk runs SECONDS + 8 s (default 2 s recorded after 5 s of load).
# The tracing slows every process a little: compare services within one run of this script, not with the benchmark.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,20p' "$0"; exit 2; }
script=$1; url=$2; seconds=${3:-2}
for tool in perf wrk python3; do command -v "$tool" >/dev/null || { echo "$tool is needed"; exit 1; }; done
port=$(echo "$url" | sed -E 's#^[a-z]+://[^:/]+:([0-9]+).*#\1#')
pid=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2)
[ -n "$pid" ] || { echo "nothing listens on port $port"; exit 1; }
work=$(mktemp -d /tmp/trace-requests.XXXXXX)
trap 'rm -rf "$work"' EXIT

timeout $((seconds + 15)) wrk -t1 -c1 -d$((seconds + 8))s -s "$script" "$url" >"$work/wrk.txt" &
load=$!
sleep 5
# The socket wrk's connection came in on, as the service numbers it (its responses leave there).
http=$(ss -tnpH state established "( sport = :$port )" | grep -o "pid=$pid,fd=[0-9]*" | head -n 1 | cut -d= -f3)
[ -n "$http" ] || { echo "no connection to port $port while wrk ran"; exit 1; }
perf record -q -a -o "$work/perf.data" \
  -e 'syscalls:sys_enter_sendto,syscalls:sys_enter_recvfrom,syscalls:sys_exit_recvfrom,syscalls:sys_enter_fdatasync,syscalls:sys_exit_fdatasync' \
  -- sleep "$seconds" 2>/dev/null
wait "$load" || true
grep -E 'Requests/sec|Non-2xx|Socket errors' "$work/wrk.txt" || true
perf script -i "$work/perf.data" -F comm,pid,tid,time,event,trace 2>/dev/null >"$work/events.txt"

python3 - "$work/events.txt" "$pid" "$http" <<'PY'
import collections, re, statistics, sys

service, http = int(sys.argv[2]), int(sys.argv[3])
events = []
for line in open(sys.argv[1]):
    m = re.match(r'\s*(.+?)\s+(\d+)/(\d+)\s+([\d.]+):\s+syscalls:(\w+):\s*(.*)', line)
    if m:
        comm, pid, tid, t, name, rest = m.groups()
        events.append((float(t) * 1e6, comm.strip(), int(pid), int(tid), name, rest))

def fd(rest):
    m = re.search(r'fd: 0x([0-9a-f]+)', rest)
    return int(m.group(1), 16) if m else None

def failed(rest):  # a recvfrom that returned an error (EAGAIN): nothing was read
    return rest.startswith('0xffff')

phases = collections.defaultdict(list)
reading = {}  # tid -> fd of its recvfrom in progress
request = previous_response = None
for t, comm, pid, tid, name, rest in events:
    if pid == service:
        if name == 'sys_enter_recvfrom':
            reading[tid] = fd(rest)
        elif name == 'sys_exit_recvfrom' and not failed(rest):
            if reading.get(tid) == http:
                if previous_response is not None:
                    phases["wrk's turnaround"].append(t - previous_response)
                request, previous_response = {'in': t}, None
            elif request and 'sent' in request:
                # A reply (or a part of one) read: the last one before the response counts.
                request['read'], request['reply'] = t, request['sent']
                if 'flushed' in request:
                    request['flush_used'] = (request['flush'], request['flushed'])
        elif name == 'sys_enter_sendto' and request:
            if fd(rest) != http:
                request.setdefault('out', t)
            else:
                previous_response = t
                r = request
                if 'read' in r:
                    phases['1 request in -> statement out'].append(r['out'] - r['in'])
                    phases['2 statement out -> reply out'].append(r['reply'] - r['out'])
                    if 'flush_used' in r:
                        phases['2a  ... until the flush'].append(r['flush_used'][0] - r['pg_in'])
                        phases['2b  ... the flush'].append(r['flush_used'][1] - r['flush_used'][0])
                    phases['3 reply out -> service reads it'].append(r['read'] - r['reply'])
                    phases['4 reply read -> response out'].append(t - r['read'])
                    phases['5 request in -> response out'].append(t - r['in'])
                request = None
    elif comm == 'postgres' and request and 'out' in request:
        # The backend that took the statement; other backends' work (background passes) is not this request's.
        if name == 'sys_exit_recvfrom' and not failed(rest) and 'backend' not in request:
            request['backend'], request['pg_in'] = tid, t
        elif tid != request.get('backend'):
            continue
        elif name == 'sys_enter_fdatasync':
            request['flush'] = t
        elif name == 'sys_exit_fdatasync' and 'flush' in request:
            request['flushed'] = t
        elif name == 'sys_enter_sendto':
            request['sent'] = t

if not phases:
    sys.exit('no request with a round trip to PostgreSQL was seen')
print(f"{'phase (us)':36s} {'n':>6s} {'p50':>7s} {'mean':>7s} {'p90':>7s}")
for name in sorted(phases):
    v = sorted(phases[name])
    print(f"{name:36s} {len(v):6d} {statistics.median(v):7.0f} {statistics.mean(v):7.0f} {v[int(len(v) * 0.9)]:7.0f}")
PY
