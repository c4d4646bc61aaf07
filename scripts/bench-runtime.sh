#!/usr/bin/env bash
# Runtime benchmark: the Java starter against the Python BedrockAgentCoreApp (see scripts/bench/runtime_bench.py).
# Needs wrk (Debian package); installs it when run as root, otherwise says how.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing wrk from Debian's packages" >&2
    apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "error: the benchmark needs wrk: sudo apt-get install wrk" >&2
    exit 1
  fi
fi
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 21 or newer}"
exec .venv/bin/python scripts/bench/runtime_bench.py --java "$JAVA_HOME/bin/java" "$@"
