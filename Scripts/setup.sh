#!/usr/bin/env bash
# Installs what building sentag needs and is not there yet: libedit's headers (Debian's
# libedit-dev). Runs `apt-get update` once, only when something is missing. Safe to re-run.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: 'swift' is not on PATH; install Swift 6 (https://swift.org/install) and retry" >&2
  exit 1
fi

if [ -f /usr/include/histedit.h ] || pkg-config --exists libedit 2>/dev/null; then
  exit 0
fi

echo "setup: installing libedit-dev (line editing for 'sentag label')"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "setup: libedit-dev is missing and this user cannot install it; ask for 'apt-get install libedit-dev'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y libedit-dev
