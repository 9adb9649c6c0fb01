#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: made with initdb in a folder of its own, listening
# on a Unix socket in that folder (and, with --tcp, on loopback at a free port), run as the
# 'postgres' user when this script runs as root (the server refuses to run as root).
#
#   postgres-test-cluster.sh start DIR [--tcp]   initdb DIR when new, start; prints the URIs as
#                                                SENTAG_TEST_POSTGRES=… (and …_TCP=…) lines
#   postgres-test-cluster.sh stop DIR [MODE]     pg_ctl stop -m MODE (fast, or immediate, smart)
#   postgres-test-cluster.sh run COMMAND…        start a cluster in a new temporary folder, run
#                                                COMMAND with SENTAG_TEST_POSTGRES exported, then
#                                                stop the cluster and remove the folder, whatever
#                                                COMMAND did; exits with COMMAND's status
#
# When no cluster can be started, `run` still runs COMMAND, without SENTAG_TEST_POSTGRES (the
# PostgreSQL tests then say why they are skipped), unless CI is set: in CI that is a failure.
# The server binaries are looked up in /usr/lib/postgresql/*/bin (newest first), or PG_BINDIR.
set -euo pipefail

program="postgres-test-cluster"
port_for_socket=5432

die() {
  echo "$program: $*" >&2
  exit 1
}

find_bindir() {
  if [ -n "${PG_BINDIR:-}" ]; then
    [ -x "$PG_BINDIR/initdb" ] || die "PG_BINDIR=$PG_BINDIR has no initdb"
    echo "$PG_BINDIR"
    return 0
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  die "no PostgreSQL server found (no /usr/lib/postgresql/*/bin/initdb); 'make setup' installs it (Debian's postgresql)"
}

# Runs a command as the cluster's owner: 'postgres' when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Closes every descriptor above 2 that this shell inherited.
close_inherited_descriptors() {
  local fd
  for fd in $(ls /proc/$$/fd 2>/dev/null); do
    if [ "$fd" -gt 2 ]; then
      eval "exec $fd>&-" 2>/dev/null || true
    fi
  done
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
  else
    echo $((20000 + RANDOM % 20000))
  fi
}

print_uris() {
  local dir=$1
  local port
  port=$(sed -n 's/^port = \([0-9]*\).*/\1/p' "$dir/data/postgresql.conf" | tail -1)
  echo "SENTAG_TEST_POSTGRES=postgresql:///postgres?host=$dir&port=$port&user=postgres"
  if grep -q "^listen_addresses = '127.0.0.1'" "$dir/data/postgresql.conf"; then
    echo "SENTAG_TEST_POSTGRES_TCP=postgresql://postgres@127.0.0.1:$port/postgres"
  fi
}

start() {
  local dir=$1 tcp=${2:-}
  # `run` calls this inside `if`, where `set -e` is off: every step checks for itself.
  local bindir
  bindir=$(find_bindir) || exit 1
  mkdir -p "$dir" || die "cannot create $dir"
  dir=$(cd "$dir" && pwd)
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root, and there is no 'postgres' user to run the server as; install Debian's postgresql (make setup)"
    chown postgres: "$dir" || die "cannot hand $dir to the postgres user"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    # Trust for the superuser 'postgres', passwords (SCRAM) for every other role, so that the
    # tests can try a refused password, and trust for anyone on the database 'sentag_trust',
    # so that they can try a role that does not exist; nothing but this machine can connect.
    as_owner "$bindir/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C --no-sync \
      --auth-local=trust --auth-host=trust >"$dir/initdb.log" 2>&1 ||
      die "initdb failed in $dir/data: $(tail -3 "$dir/initdb.log")"
    local listen="" port=$port_for_socket
    if [ "$tcp" = "--tcp" ]; then
      listen="127.0.0.1"
      port=$(free_port)
    fi
    as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF || die "cannot write $dir/data/postgresql.conf"
# Written by $program: a throwaway cluster for tests.
listen_addresses = '$listen'
port = $port
unix_socket_directories = '$dir'
max_connections = 100
EOF
    as_owner tee "$dir/data/pg_hba.conf" >/dev/null <<EOF || die "cannot write $dir/data/pg_hba.conf"
# Written by $program.
local all postgres trust
local sentag_trust all trust
local all all scram-sha-256
host all postgres 127.0.0.1/32 trust
host all all 127.0.0.1/32 scram-sha-256
EOF
  fi
  # The server outlives this script: it must not keep a descriptor the caller gave us (a test's
  # pipe to another program would then never see its end of file).
  close_inherited_descriptors
  if ! as_owner "$bindir/pg_ctl" start -D "$dir/data" -w -t 60 -l "$dir/server.log" >/dev/null 2>&1; then
    die "the server in $dir did not start: $(tail -3 "$dir/server.log" 2>/dev/null | tr '\n' ' ')"
  fi
  print_uris "$dir"
}

stop() {
  local dir=$1 mode=${2:-fast}
  [ -f "$dir/data/postmaster.pid" ] || return 0
  local bindir
  bindir=$(find_bindir) || return 1
  as_owner "$bindir/pg_ctl" stop -D "$dir/data" -m "$mode" -w -t 60 >/dev/null
}

run() {
  [ $# -gt 0 ] || die "usage: $0 run COMMAND…"
  run_dir=$(mktemp -d "${TMPDIR:-/tmp}/sentag-pg.XXXXXX")
  # Stops the server and removes the folder however the command ends (failure, Ctrl-C, kill).
  # (A bare `return` in a function called from this trap would return the command's status,
  # hence the explicit `return 0`s.)
  trap 'stop "$run_dir" immediate || true; rm -rf "$run_dir"' EXIT
  local started=$SECONDS uris
  if uris=$(start "$run_dir" --tcp); then
    local name value
    while IFS='=' read -r name value; do
      export "$name=$value"
    done <<<"$uris"
    echo "$program: PostgreSQL $(cat "$run_dir/data/PG_VERSION") for the tests in $run_dir (started in $((SECONDS - started)) s)" >&2
  elif [ -n "${CI:-}" ]; then
    die "CI is set and no PostgreSQL server could be started for the tests (see above)"
  else
    echo "$program: no PostgreSQL server for the tests (see above); the PostgreSQL tests will be skipped" >&2
    unset SENTAG_TEST_POSTGRES SENTAG_TEST_POSTGRES_TCP
  fi
  # The command runs in the background so that a signal to this script alone (a CI
  # timeout) is handled at once, passed on to the command, and the cluster still stopped.
  local status=0
  "$@" <&0 &
  command_pid=$!
  trap 'kill -INT "$command_pid" 2>/dev/null; exit 130' INT
  trap 'kill -TERM "$command_pid" 2>/dev/null; exit 143' TERM
  trap 'kill -HUP "$command_pid" 2>/dev/null; exit 129' HUP
  wait "$command_pid" || status=$?
  return $status
}

case "${1:-}" in
  start)
    [ $# -ge 2 ] || die "usage: $0 start DIR [--tcp]"
    start "$2" "${3:-}"
    ;;
  stop)
    [ $# -ge 2 ] || die "usage: $0 stop DIR [fast|immediate|smart]"
    stop "$2" "${3:-fast}"
    ;;
  run)
    shift
    run "$@"
    ;;
  *)
    die "usage: $0 start DIR [--tcp] | stop DIR [MODE] | run COMMAND…"
    ;;
esac
