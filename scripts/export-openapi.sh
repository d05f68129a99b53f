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

free_port() { # a port nothing listens on, from the dynamic range
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}
port=$(free_port)

(cd "$root/src/Api/bin/$config/net10.0" && \
  ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Development Seed__DemoData=false \
  Database__Provider=Sqlite ConnectionStrings__ServiceDesk="Data Source=$work/openapi.db" \
  Sla__MonitorIntervalSeconds=3600 exec dotnet "$dll") >"$work/api.log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/api.log" >&2; echo "the API stopped before it was ready" >&2; exit 1; fi
  sleep 1
done
mkdir -p "$(dirname "$out")"
curl -fsS "http://127.0.0.1:$port/swagger/v1/swagger.json" -o "$work/openapi.json"
mv "$work/openapi.json" "$out"
echo "wrote $out"
