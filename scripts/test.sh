#!/usr/bin/env bash
# make test: install what is missing, then lint, types, import contracts, module sizes, and the
# whole test suite on SQLite and on a throw-away PostgreSQL 15.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system.sh || exit 1
bash scripts/ensure_venv.sh || exit 1
export PATH="$PWD/.venv/bin:$PATH"
export PYTHONDONTWRITEBYTECODE=1 OMP_THREAD_LIMIT=1 DJANGO_ALLOW_ASYNC_UNSAFE=true
WORK=$(mktemp -d /tmp/vanthu-test.XXXXXX)
chmod 755 "$WORK"
PGDIR="$WORK/pg"
cleanup() { bash scripts/pg.sh stop "$PGDIR" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nTHẤT BẠI: %s\n' "$*"; exit 1; }

step "ruff"
ruff check . || fail "ruff check"
ruff format --check . || fail "ruff format"
step "mypy (strict)"
mypy . || fail "mypy"
step "import-linter"
lint-imports --no-cache || fail "import contracts"
step "module sizes"
python scripts/check_module_size.py || fail "module sizes"

JOBS=${VANTHU_TEST_JOBS:-2}
run_pytest() {  # $1 label, rest: env assignments
  local label=$1; shift
  step "pytest on $label"
  env "$@" pytest -n "$JOBS" -p no:cacheprovider -q 2>&1 | tee "$WORK/$label.log"
  local rc=${PIPESTATUS[0]}
  [ "$rc" -eq 5 ] && rc=0  # no test collected is reported by the summary, not as a failure
  return "$rc"
}

run_pytest sqlite VANTHU_DATA_DIR="$WORK/data-sqlite"
rc_sqlite=$?

PORT=$(python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
PGURL=$(bash scripts/pg.sh start "$PGDIR" "$PORT" | tail -n 1) || fail "PostgreSQL did not start"
run_pytest postgresql VANTHU_DATA_DIR="$WORK/data-pg" DATABASE_URL="$PGURL"
rc_pg=$?

summary() { grep -E '[0-9]+ (passed|failed|error)' "$WORK/$1.log" | tail -n 1 | tr -d '='; }
count() { local n; n=$(grep -oE "[0-9]+ $2" <<<"$1" | head -n 1 | cut -d' ' -f1); echo "${n:-0}"; }
s1=$(summary sqlite); s2=$(summary postgresql)
passed=$(( $(count "$s1" passed) + $(count "$s2" passed) ))
failed=$(( $(count "$s1" failed) + $(count "$s2" failed) + $(count "$s1" error) + $(count "$s2" error) ))
printf '\nSQLite:     %s\nPostgreSQL: %s\n' "${s1:-no summary}" "${s2:-no summary}"
if [ "$rc_sqlite" -ne 0 ] || [ "$rc_pg" -ne 0 ]; then
  [ "$failed" -eq 0 ] && failed=1
  echo "tests: $passed passed, $failed failed"
  exit 1
fi
echo "tests: $passed passed, 0 failed"
