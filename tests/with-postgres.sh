#!/usr/bin/env bash
# Runs a command next to a throwaway PostgreSQL server: initdb in a temporary directory, started on
# 127.0.0.1 on a free port, stopped and deleted when the command ends (however it ends). The
# command finds the server's connection string in XIHE_TEST_POSTGRES (the Core tests give every
# test a database of its own there).
#   tests/with-postgres.sh dotnet test tests/XiheWorkflow.Core.Tests
# Needs Debian's postgresql package (tests/run.sh installs it when missing).
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 2
fi

pgdir="$(mktemp -d "${TMPDIR:-/tmp}/xihe-pg.XXXXXX")"
as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb and postgres refuse to run as root: the cluster belongs to the postgres user.
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  fi
  chown postgres: "$pgdir"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A throwaway cluster: no durability needed, byte-order (C) collation like SQLite's.
"${as_owner[@]}" "$bindir/initdb" -D "$pgdir/data" -U xihe --auth=trust -E UTF8 --no-locale --no-sync >/dev/null

started=""
for _ in 1 2 3 4 5 6 7 8 9 10; do
  port=$((20000 + RANDOM % 40000))
  # Something already answers there: try another port.
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
  if "${as_owner[@]}" "$bindir/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  echo "with-postgres: the PostgreSQL server did not start; its log:" >&2
  cat "$pgdir/server.log" >&2 || true
  exit 2
fi

echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export XIHE_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=xihe;Password=xihe"
status=0
"$@" || status=$?
exit $status
