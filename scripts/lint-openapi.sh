#!/usr/bin/env bash
# Lints the OpenAPI document the API serves with Spectral (ruleset .spectral.yaml: spectral:oas) and fails on any
# error or warning. Spectral is pinned in scripts/spectral/package-lock.json and installed there on first use.
# Usage: scripts/lint-openapi.sh [document.json]   (default: the document exported from the built API)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
if [ ! -x scripts/spectral/node_modules/.bin/spectral ]; then
  (cd scripts/spectral && npm ci --no-audit --no-fund --loglevel=error)
fi
doc=${1:-}
if [ -z "$doc" ]; then
  doc=$(mktemp /tmp/servicedesk-openapi-lint.XXXXXX.json)
  trap 'rm -f "$doc"' EXIT
  scripts/export-openapi.sh "$doc" >/dev/null
fi
scripts/spectral/node_modules/.bin/spectral lint --ruleset "$root/.spectral.yaml" --fail-severity=warn --display-only-failures "$doc"
