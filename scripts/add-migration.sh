#!/usr/bin/env bash
# Adds a migration named $1 for every provider (SQLite, PostgreSQL, SQL Server), each in its own folder.
# Usage: scripts/add-migration.sh AddWebhooks
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh MigrationName}
dotnet tool restore >/dev/null
for provider in Sqlite Postgres SqlServer; do
  dotnet dotnet-ef migrations add "$name" \
    --context "${provider}ServiceDeskDbContext" \
    --output-dir "Persistence/Migrations/$provider" \
    --namespace "ServiceDesk.Infrastructure.Persistence.Migrations.$provider" \
    --project src/Infrastructure --startup-project src/Infrastructure
done
# dotnet-ef places the model snapshot by namespace, under src/Infrastructure/ServiceDesk/...: put it beside its migrations.
if [ -d src/Infrastructure/ServiceDesk/Infrastructure ]; then
  for provider in Sqlite Postgres SqlServer; do
    mv src/Infrastructure/ServiceDesk/Infrastructure/Persistence/Migrations/$provider/*Snapshot.cs \
       "src/Infrastructure/Persistence/Migrations/$provider/" 2>/dev/null || true
  done
  rm -rf src/Infrastructure/ServiceDesk/Infrastructure
fi
