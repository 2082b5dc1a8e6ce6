#!/usr/bin/env bash
# Install the Debian packages VănThư needs (idempotent: does nothing when all are present).
set -euo pipefail

PACKAGES=(
  poppler-utils fonts-liberation2 tesseract-ocr tesseract-ocr-vie ghostscript python3-uno
  libreoffice-writer-nogui chromium chromium-driver libnss3-tools softhsm2
  postgresql-15 postgresql-15-rum libmagic1
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Cài đặt gói hệ thống còn thiếu: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
