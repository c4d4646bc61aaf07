#!/usr/bin/env bash
# Local AgentCore benchmark: the data plane's added latency over calling the session's container directly, and a new
# session's cold start (see scripts/bench/local_bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 21 or newer}"
exec .venv/bin/python scripts/bench/local_bench.py --java "$JAVA_HOME/bin/java" "$@"
