#!/usr/bin/env bash
# First-event benchmark: process start to the first SSE event with a Bedrock client, the lean Java core with agent-kit
# against the Python BedrockAgentCoreApp with boto3, on the local Bedrock echo (see scripts/bench/first_event_bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 21 or newer}"
exec .venv/bin/python scripts/bench/first_event_bench.py --java "$JAVA_HOME/bin/java" "$@"
