#!/usr/bin/env bash
# MCP benchmark: mcp-echo against the Python MCP SDK's FastMCP (MCPServer) echo server (see scripts/bench/mcp_bench.py).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/bench/require-wrk.sh
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 21 or newer}"
exec .venv/bin/python scripts/bench/mcp_bench.py --java "$JAVA_HOME/bin/java" "$@"
