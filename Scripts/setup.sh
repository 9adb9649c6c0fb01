#!/usr/bin/env bash
# Installs what building sentag needs and is not there yet: the headers of libedit (Debian's
# libedit-dev, line editing) and of libcrypto (libssl-dev, the export's SHA-256). Runs
# `apt-get update` at most once, only when something is missing. Safe to re-run.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: 'swift' is not on PATH; install Swift 6 (https://swift.org/install) and retry" >&2
  exit 1
fi

missing=()
if ! { [ -f /usr/include/histedit.h ] || pkg-config --exists libedit 2>/dev/null; }; then
  missing+=(libedit-dev)
fi
if ! { [ -f /usr/include/openssl/evp.h ] || pkg-config --exists libcrypto 2>/dev/null; }; then
  missing+=(libssl-dev)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]} (line editing for 'sentag label', SHA-256 for 'sentag export')"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "setup: ${missing[*]} missing and this user cannot install them; ask for 'apt-get install ${missing[*]}'" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y "${missing[@]}"
