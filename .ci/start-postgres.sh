#!/usr/bin/env bash
# Starts Debian's PostgreSQL on 127.0.0.1:5432 with password auth for the postgres user, for the
# `pg` test suite and the benchmarks. Idempotent.
set -euo pipefail
ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then
  pg_createcluster "$ver" main
fi
conf=/etc/postgresql/$ver/main
grep -q "^listen_addresses = '127.0.0.1'" "$conf/postgresql.conf" || echo "listen_addresses = '127.0.0.1'" >> "$conf/postgresql.conf"
pg_ctlcluster "$ver" main start 2>/dev/null || pg_ctlcluster "$ver" main status >/dev/null
for i in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
su postgres -c "psql -q -c \"alter user postgres with password 'postgres'\""
echo "PostgreSQL $ver is running on 127.0.0.1:5432"
