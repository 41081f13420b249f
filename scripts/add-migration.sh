#!/usr/bin/env bash
# Adds a migration with the same name to both providers' sets (STYLE.md habit 5).
set -euo pipefail
name="${1:?usage: scripts/add-migration.sh Name}"
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  project="src/Cadre.Migrations.$provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
