#!/usr/bin/env bash
# Prints the home of a JDK >= 21: JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm.
# Prints nothing and exits 1 when there is none.
set -u
major() { # feature version of the JDK at $1, or 0
  local v
  v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v" || echo 0
}
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
for d in /usr/lib/jvm/*; do [ -x "$d/bin/javac" ] && candidates+=("$d"); done
best=""; best_v=0
for c in "${candidates[@]}"; do
  [ -x "$c/bin/javac" ] || continue
  v=$(major "$c")
  if [ "$v" -ge 21 ] && { [ "$c" = "${JAVA_HOME:-}" ] || [ "$v" -gt "$best_v" ]; }; then
    best=$c; best_v=$v
    [ "$c" = "${JAVA_HOME:-}" ] && break
  fi
done
[ -n "$best" ] || exit 1
echo "$best"
