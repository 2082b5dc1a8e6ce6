#!/usr/bin/env bash
# make bench: run every benchmark in benchmarks/ on SQLite and on a throw-away PostgreSQL 15.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system.sh
bash scripts/ensure_venv.sh
export PATH="$PWD/.venv/bin:$PATH"
WORK=$(mktemp -d /tmp/vanthu-bench.XXXXXX)
chmod 755 "$WORK"
trap 'bash scripts/pg.sh stop "$WORK/pg"; rm -rf "$WORK"' EXIT
PORT=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
VANTHU_BENCH_PG_URL=$(bash scripts/pg.sh start "$WORK/pg" "$PORT" | tail -n 1)
export VANTHU_BENCH_PG_URL VANTHU_DATA_DIR="$WORK/data"
python benchmarks/run.py "$@"
