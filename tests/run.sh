#!/usr/bin/env bash
# Runs every test of XiheWorkflow on a fresh Debian machine: installs what is missing
# (Chromium and a CJK font for the browser tests, the .NET local tools), then runs the suite.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "WenQuanYi Zen Hei" || need_apt+=(fonts-wqy-zenhei)
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
