#!/usr/bin/env bash
# Runtime benchmark: the Java starter against the Python BedrockAgentCoreApp (see scripts/bench/runtime_bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/require-wrk.sh
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 21 or newer}"
exec .venv/bin/python scripts/bench/runtime_bench.py --java "$JAVA_HOME/bin/java" "$@"
