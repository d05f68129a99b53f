#!/usr/bin/env bash
# Writes the OpenAPI document the API serves (/swagger/v1/swagger.json) to docs/openapi.json, or to the file given.
# It runs the built API (Debug unless CONFIGURATION says otherwise; built first when missing) on a free 127.0.0.1
# port with a throwaway SQLite database, fetches the document, and stops the API.
# Usage: scripts/export-openapi.sh [output.json]      then commit docs/openapi.json
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=${1:-docs/openapi.json}
config=${CONFIGURATION:-Debug}
dll="$root/src/Api/bin/$config/net10.0/ServiceDesk.Api.dll"
if [ ! -f "$dll" ]; then
  dotnet build src/Api/Api.csproj -c "$config" -warnaserror >/dev/null
fi

work=$(mktemp -d /tmp/servicedesk-openapi.XXXXXX)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Port 0: Kestrel takes a free port itself and logs it, so no other process can take it between a check and the bind
# (a port that nothing listens on may still be the local end of an outgoing connection, and then the bind fails).
(cd "$root/src/Api/bin/$config/net10.0" && exec env \
  ASPNETCORE_URLS="http://127.0.0.1:0" ASPNETCORE_ENVIRONMENT=Development Seed__DemoData=false \
  Logging__LogLevel__Microsoft.Hosting.Lifetime=Information \
  Database__Provider=Sqlite ConnectionStrings__ServiceDesk="Data Source=$work/openapi.db" \
  Sla__MonitorIntervalSeconds=3600 dotnet "$dll") >"$work/api.log" 2>&1 &
pid=$!

base=""
for _ in $(seq 1 120); do
  if [ -z "$base" ]; then
    base=$(grep -o 'Now listening on: http://127\.0\.0\.1:[0-9]*' "$work/api.log" | head -n 1 | sed 's/^Now listening on: //' || true)
  fi
  if [ -n "$base" ] && curl -fs --max-time 5 "$base/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/api.log" >&2; echo "the API stopped before it was ready" >&2; exit 1; fi
  sleep 1
done
if [ -z "$base" ]; then cat "$work/api.log" >&2; echo "the API did not say where it listens" >&2; exit 1; fi
mkdir -p "$(dirname "$out")"
curl -fsS --max-time 30 "$base/swagger/v1/swagger.json" -o "$work/openapi.json"
mv "$work/openapi.json" "$out"
echo "wrote $out"
