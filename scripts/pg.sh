#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL 15 cluster in a temporary folder, without systemd.
#   scripts/pg.sh start DIR PORT   -> prints the DATABASE_URL on its last line
#   scripts/pg.sh stop DIR
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/15/bin 2>/dev/null || true)
[ -n "$PGBIN" ] || { echo "PostgreSQL 15 chưa được cài đặt (scripts/install_system.sh)" >&2; exit 1; }
cmd=${1:?start|stop}; dir=${2:?folder}
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_pg "$PGBIN/initdb" -D "$dir" --auth=trust -E UTF8 --locale=C.UTF-8 -U vanthu >/dev/null
    fi
    as_pg "$PGBIN/pg_ctl" -D "$dir" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      -w start >/dev/null
    as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U vanthu -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname='vanthu'" | grep -q 1 \
      || as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U vanthu vanthu
    echo "postgres://vanthu@127.0.0.1:$port/vanthu"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$dir" -m fast -w stop >/dev/null || true
    ;;
esac
