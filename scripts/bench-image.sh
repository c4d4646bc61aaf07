#!/usr/bin/env bash
# Image benchmark: the samples' Jib images by their own entry point, JVM flags and start-up caches compared
# (see scripts/bench/image_bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/require-wrk.sh
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 21 or newer}"
exec .venv/bin/python scripts/bench/image_bench.py --java "$JAVA_HOME/bin/java" "$@"
