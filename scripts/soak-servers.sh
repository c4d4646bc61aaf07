#!/usr/bin/env bash
# Soak: the hostile-client cases of issue 12 at full size against mcp-echo and the hello agent
# (scripts/soak/soak_servers.py says what each case does and what passes). Several minutes; not part of make test.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${JAVA_HOME:?JAVA_HOME must point at a JDK 21 or newer}"
ulimit -n 4096 2>/dev/null || true
exec python3 scripts/soak/soak_servers.py --java "$JAVA_HOME/bin/java" "$@"
