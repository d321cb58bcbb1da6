#!/usr/bin/env bash
# The system programs the test suites need and npm cannot install: Chromium for the browser tests
# (CHROMIUM_PATH, else /usr/bin/chromium), an emoji font so badge icons render in screenshots, and
# the PostgreSQL server binaries for the PostgreSQL store suites (PG_BIN, else
# /usr/lib/postgresql/*/bin). Missing ones are installed with apt when running as root; otherwise
# this stops at once with the one command to run. Run by `npm test` before anything else.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
font=/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf

pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then
    [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] && echo "$PG_BIN"
    return 0
  fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
      return 0
    fi
  done
}

missing() {
  need=()
  [ -x "$chromium" ] || need+=(chromium)
  [ -e "$font" ] || need+=(fonts-noto-color-emoji)
  [ -n "$(pg_bin)" ] || need+=(postgresql)
}

missing
if [ ${#need[@]} -gt 0 ]; then
  if [ -n "${CHROMIUM_PATH:-}" ] && [[ " ${need[*]} " == *" chromium "* ]]; then
    echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable: point it at Chromium or unset it to use /usr/bin/chromium." >&2
    exit 1
  fi
  if [ -n "${PG_BIN:-}" ] && [[ " ${need[*]} " == *" postgresql "* ]]; then
    echo "PG_BIN=$PG_BIN holds no initdb and pg_ctl: point it at PostgreSQL's bin folder or unset it." >&2
    exit 1
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need ${need[*]}, which npm cannot install. Run this, then npm test again:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
    exit 1
  fi
  echo "[mlquest] installing ${need[*]} with apt"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  missing
  if [ ${#need[@]} -gt 0 ]; then
    echo "apt-get installed the packages but ${need[*]} is still missing (CHROMIUM_PATH or PG_BIN set elsewhere?)." >&2
    exit 1
  fi
fi
echo "[mlquest] test prerequisites: $("$chromium" --version 2>/dev/null | head -1), PostgreSQL in $(pg_bin)"
