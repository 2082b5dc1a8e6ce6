#!/usr/bin/env bash
# make run: install what is missing, migrate, load the demo province, then serve on
# http://127.0.0.1:8000 with the background task worker beside the web server.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install_system.sh
bash scripts/ensure_venv.sh
export PATH="$PWD/.venv/bin:$PATH"
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.local}
HOST=${VANTHU_HOST:-127.0.0.1}
PORT=${VANTHU_PORT:-8000}

python manage.py migrate --noinput -v 0
python manage.py collectstatic --noinput -v 0
python manage.py load_demo
python manage.py reindex --no-progress

python manage.py db_worker &
WORKER=$!
trap 'kill "$WORKER" 2>/dev/null || true' EXIT INT TERM
echo ""
echo "VănThư đang chạy tại http://$HOST:$PORT/  (Ctrl+C để dừng)"
gunicorn config.wsgi:application --bind "$HOST:$PORT" --workers "${VANTHU_WEB_WORKERS:-2}" \
  --access-logfile - --graceful-timeout 5
