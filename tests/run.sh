#!/usr/bin/env bash
# Runs every test of XiheWorkflow on a fresh Debian machine: installs what is missing
# (Chromium and a CJK font for the browser tests, PostgreSQL, the .NET local tools), runs the
# suite on SQLite, then the Core and Web suites once more on a throwaway PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Zen Hei" || need_apt+=(fonts-wqy-zenhei)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} ..."
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

dotnet tool restore
export XIHE_CHROMIUM="${XIHE_CHROMIUM:-$(command -v chromium)}"

results="$(mktemp -d)"
status=0
dotnet test XiheWorkflow.sln --logger "trx;LogFilePrefix=xihe" --results-directory "$results" "$@" || status=$?

# The Core and Web suites again on PostgreSQL (Xihe__DatabaseProvider=Postgres), with the tests of
# two instances sharing one database: a server of its own in a temporary directory, stopped and
# deleted when the run ends; every test (or web app) gets a database there.
tests/with-postgres.sh bash -c '
  status=0
  for project in Core Web; do
    dotnet test "tests/XiheWorkflow.$project.Tests" --no-build --logger "trx;LogFilePrefix=xihe-postgres-$project" \
      --results-directory "$0" "$@" || status=$?
  done
  exit $status' "$results" "$@" || status=$?

# dotnet test prints no single total that CI reads, so sum the TRX logs into one line.
passed=0; failed=0
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  p=$(grep -o 'passed="[0-9]*"' "$f" | head -1 | grep -o '[0-9]*' || echo 0)
  x=$(grep -o 'failed="[0-9]*"' "$f" | head -1 | grep -o '[0-9]*' || echo 0)
  passed=$((passed + p)); failed=$((failed + x))
done
echo "$passed passed, $failed failed"
rm -rf "$results"
exit $status
