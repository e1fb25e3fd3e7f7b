#!/bin/bash
# Runs once, when the compose PostgreSQL volume is empty: a database per service, owned by a role of the same name
# (the service's Flyway migrations create its schema and the kit's schema dsr_kit in it). Passwords come from
# DSR_DB_PASSWORD (one for all, local use only; docker-compose.yml gives a default).
set -euo pipefail
for db in referral consent risk meeting reporting; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<SQL
CREATE ROLE $db LOGIN PASSWORD '${DSR_DB_PASSWORD}';
CREATE DATABASE $db OWNER $db;
REVOKE CONNECT ON DATABASE $db FROM PUBLIC;
SQL
done
