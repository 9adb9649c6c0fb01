#!/usr/bin/env bash
# Installs what sentag needs and is not there yet, from Debian's packages:
#   setup.sh          to build and run: the headers of libedit (line editing), libpq (the
#                     PostgreSQL client) and libcrypto (SHA-256): libedit-dev, libpq-dev, libssl-dev
#   setup.sh --test   the same, and a PostgreSQL server for the store tests (postgresql); the
#                     tests start a throwaway cluster of their own, never the system's
# Runs `apt-get update` at most once, and only when something is missing. Safe to re-run.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: 'swift' is not on PATH; install Swift 6 (https://swift.org/install) and retry" >&2
  exit 1
fi

missing=()
if ! [ -f /usr/include/histedit.h ] && ! pkg-config --exists libedit 2>/dev/null; then
  missing+=(libedit-dev) # line editing for 'sentag label'
fi
if ! [ -f /usr/include/openssl/evp.h ] && ! pkg-config --exists libcrypto 2>/dev/null; then
  missing+=(libssl-dev) # SHA-256 for 'sentag export'
fi
if ! [ -f /usr/include/postgresql/libpq-fe.h ] && ! pkg-config --exists libpq 2>/dev/null; then
  missing+=(libpq-dev) # the PostgreSQL client library, for --annotations postgresql://…
fi
if [ "${1:-}" = "--test" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql) # the server the store tests run against
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}"
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
