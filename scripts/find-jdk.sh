#!/usr/bin/env bash
# The one JDK finder of this repository: a JDK 21 or newer, tried in this order:
#   1. JAVA_HOME, if it qualifies (even when a newer one is installed: the user chose it);
#   2. the `java` on PATH (its real home, symlinks resolved);
#   3. the newest under FIND_JDK_DIRS (directories holding JDKs, separated by ':'; default /usr/lib/jvm).
# A JDK's version comes from its `release` file, not from starting it: starting a JVM per candidate would cost more
# than the lint the launcher runs. Bash built-ins only, apart from one readlink for a symlinked java on PATH.
#
# Run it:    scripts/find-jdk.sh [--runtime]   prints the JDK's home, or nothing and exit 1 when there is none.
#            Without --runtime the JDK must have javac (to build); with it, java is enough (to run).
# Source it: . scripts/find-jdk.sh; find_jdk [--runtime]   sets FIND_JDK_HOME and FIND_JDK_FEATURE, returns 1 when
#            there is none (policy-lint's launcher does this, so that the two can never disagree).

# Sets find_jdk_v to the feature version of the JDK at $1 (JAVA_VERSION="21.0.2" -> 21, "1.8.0_392" -> 1), empty
# when unknown. A variable, not output: capturing output would fork a subshell per candidate.
find_jdk_feature() {
  local line
  find_jdk_v=""
  [ -r "$1/release" ] || return 0
  while IFS= read -r line; do
    if [[ $line =~ ^JAVA_VERSION=\"([0-9]+) ]]; then find_jdk_v=${BASH_REMATCH[1]}; return 0; fi
  done < "$1/release"
}

# Whether the JDK at $1 is 21 or newer and has the tool $2 (java or javac); sets find_jdk_v to its feature version.
find_jdk_qualifies() {
  [ -n "$1" ] && [ -x "$1/bin/$2" ] && find_jdk_feature "$1" && [ -n "$find_jdk_v" ] && [ "$find_jdk_v" -ge 21 ]
}

find_jdk() {
  local tool=javac on_path candidate dir best=0 IFS_saved=$IFS
  [ "${1:-}" = "--runtime" ] && tool=java
  FIND_JDK_HOME=""
  FIND_JDK_FEATURE=""
  if find_jdk_qualifies "${JAVA_HOME:-}" "$tool"; then
    FIND_JDK_HOME=${JAVA_HOME%/}
    FIND_JDK_FEATURE=$find_jdk_v
    return 0
  fi
  on_path=$(command -v java 2>/dev/null || true)
  if [ -n "$on_path" ]; then
    [ -L "$on_path" ] && on_path=$(readlink -f "$on_path")
    on_path=${on_path%/bin/java}
    if find_jdk_qualifies "$on_path" "$tool"; then
      FIND_JDK_HOME=$on_path
      FIND_JDK_FEATURE=$find_jdk_v
      return 0
    fi
  fi
  IFS=:
  for dir in ${FIND_JDK_DIRS:-/usr/lib/jvm}; do
    IFS=$IFS_saved
    for candidate in "$dir"/*; do
      if find_jdk_qualifies "$candidate" "$tool" && [ "$find_jdk_v" -gt "$best" ]; then
        FIND_JDK_HOME=$candidate
        FIND_JDK_FEATURE=$find_jdk_v
        best=$find_jdk_v
      fi
    done
  done
  IFS=$IFS_saved
  [ -n "$FIND_JDK_HOME" ]
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -u
  find_jdk "$@" || exit 1
  echo "$FIND_JDK_HOME"
fi
