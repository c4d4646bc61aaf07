#!/usr/bin/env bash
# Benchmarks policy-lint side by side with cfn-lint (pinned in .venv) on the same files in the same run:
#  1. one template as pre-commit runs it (process start to exit), for each JVM start-up step;
#  2. a generated corpus of 240 templates, one process each tool;
#  3. peak memory (RSS) of both.
# Rewrites the policy-lint section of docs/benchmarks.md. Needs the jar: make bench-policy-lint builds it.
set -euo pipefail
cd "$(dirname "$0")/.."

JAVA_HOME=${JAVA_HOME:-$(scripts/find-jdk.sh)}
JAVA="$JAVA_HOME/bin/java"
JAR=policy-lint/policy-lint/target/policy-lint.jar
LAUNCHER=policy-lint/policy-lint/bin/policy-lint
CFN_LINT=.venv/bin/cfn-lint
WORK=docs/bench-work/policy-lint
RUNS=${RUNS:-15}
CORPUS_RUNS=${CORPUS_RUNS:-3}
REPORT=docs/benchmarks.md

[ -f "$JAR" ] || { echo "bench-policy-lint: $JAR is missing: run make bench-policy-lint" >&2; exit 1; }
[ -x "$CFN_LINT" ] || { echo "bench-policy-lint: $CFN_LINT is missing: run make tools" >&2; exit 1; }

# hyperfine and GNU time from Debian when missing (the script may install, the project does not depend on them).
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq hyperfine time >/dev/null 2>&1 || { apt-get update -qq >/dev/null 2>&1 && apt-get install -y -qq hyperfine time >/dev/null 2>&1; } || true
  fi
fi

rm -rf "$WORK" && mkdir -p "$WORK/corpus" "$WORK/cache"
FIXTURES=policy-lint/policy-lint/src/test/resources/fixtures
# The single template: the seed project's execution role (the placeholder policy), as a developer commits it.
grep -v -E '^\s*# (expect|runtimes):' "$FIXTURES/rules/seed-infrastructure.yaml" > "$WORK/agent.yaml"
# The corpus: realistic templates (YAML and JSON, SAM and CDK output) under 240 names with varied runtime names.
python3 - "$FIXTURES" "$WORK/corpus" <<'PY'
import os, re, sys
src, out = sys.argv[1], sys.argv[2]
templates = []
for d in ("corpus", "rules"):
    for name in sorted(os.listdir(os.path.join(src, d))):
        path = os.path.join(src, d, name)
        text = open(path, encoding="utf-8").read()
        if ("AWSTemplateFormatVersion" in text or '"Resources"' in text or "Resources:" in text) and "PL001" not in text \
                and "broken" not in name and "not-a-template" not in name:
            text = "\n".join(l for l in text.split("\n") if not re.match(r"\s*# (expect|runtimes):", l))
            templates.append((name, text))
for i in range(240):
    name, text = templates[i % len(templates)]
    text = text.replace("mcp_echo", f"agent_{i:03d}").replace("weather_bot", f"bot_{i:03d}")
    base, ext = os.path.splitext(name)
    if base.endswith(".template"):
        base, ext = base[:-9], ".template" + ext
    with open(os.path.join(out, f"{i:03d}-{base}{ext}"), "w", encoding="utf-8") as f:
        f.write(text)
print(f"corpus: 240 templates from {len(templates)} sources")
PY

SINGLE="$WORK/agent.yaml"
JSA="$WORK/cache/dynamic.jsa"
AOT="$WORK/cache/policy-lint.aot"
C1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -Xmx512m -XX:-UsePerfData"
# Prepare the start-up caches outside the measurement (the launcher makes its own once, the same way).
"$JAVA" $C1 -XX:SharedArchiveFile="$JSA" -XX:+AutoCreateSharedArchive -Xlog:cds=off -jar "$JAR" "$SINGLE" >/dev/null 2>&1 || true
if [ "$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")" -ge 25 ]; then
  "$JAVA" $C1 -XX:AOTCacheOutput="$AOT" -Xlog:aot=off -Xlog:cds=off -jar "$JAR" --self-check >/dev/null 2>&1 || true
fi
POLICY_LINT_JAR="$PWD/$JAR" JAVA_HOME="$JAVA_HOME" "$LAUNCHER" --version >/dev/null 2>&1 || true

declare -a NAMES CMDS
add() { NAMES+=("$1"); CMDS+=("$2"); }
add "cfn-lint $( "$CFN_LINT" --version 2>/dev/null | awk '{print $2}')" "$CFN_LINT $SINGLE"
add "java -jar (JVM defaults)" "$JAVA -jar $JAR --no-config $SINGLE"
add "+ C1 only, serial GC, small heap" "$JAVA $C1 -jar $JAR --no-config $SINGLE"
add "+ dynamic CDS archive (AppCDS)" "$JAVA $C1 -XX:SharedArchiveFile=$JSA -Xlog:cds=off -jar $JAR --no-config $SINGLE"
[ -f "$AOT" ] && add "+ AOT cache (JDK 25, JEP 483/514) instead" "$JAVA $C1 -XX:AOTCache=$AOT -Xlog:aot=off -Xlog:cds=off -jar $JAR --no-config $SINGLE"
add "launcher as shipped (bin/policy-lint)" "env POLICY_LINT_JAR=$PWD/$JAR JAVA_HOME=$JAVA_HOME $LAUNCHER --no-config $SINGLE"

# mean and standard deviation in ms of a command, RUNS times (hyperfine if present, else a timed loop)
measure() { # runs command -> "mean stddev"
  local runs=$1; shift
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 2 --runs "$runs" --export-json "$WORK/h.json" "$1" >/dev/null 2>&1
    python3 -c "import json;r=json.load(open('$WORK/h.json'))['results'][0];print(f\"{r['mean']*1000:.0f} {r['stddev']*1000:.0f}\")"
  else
    local times=() i s e
    for i in 1 2; do bash -c "$1" >/dev/null 2>&1 || true; done
    for ((i = 0; i < runs; i++)); do
      s=$(date +%s%N); bash -c "$1" >/dev/null 2>&1 || true; e=$(date +%s%N); times+=($(( (e - s) / 1000000 )))
    done
    python3 -c "import statistics as s,sys;v=[int(x) for x in sys.argv[1:]];print(f'{s.mean(v):.0f} {s.pstdev(v):.0f}')" "${times[@]}"
  fi
}
peak() { # command -> peak RSS in MB
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$WORK/rss" bash -c "exec $1" >/dev/null 2>&1 || true
    tail -1 "$WORK/rss" | awk '{printf "%.0f", $1/1024}'
  else
    echo "n/a"
  fi
}

echo "one template (${RUNS} runs each)..."
declare -a MEAN SD
for i in "${!CMDS[@]}"; do
  read -r m s < <(measure "$RUNS" "${CMDS[$i]}")
  MEAN[$i]=$m; SD[$i]=$s
  echo "  ${NAMES[$i]}: ${m} ms ± ${s}"
done
CFN_ONE=${MEAN[0]}
LAST=$(( ${#CMDS[@]} - 1 ))
PL_ONE=${MEAN[$LAST]}

echo "corpus of 240 templates (${CORPUS_RUNS} runs each)..."
CFN_CORPUS_CMD="$CFN_LINT $WORK/corpus/*"
PL_CORPUS_CMD="env POLICY_LINT_JAR=$PWD/$JAR JAVA_HOME=$JAVA_HOME $LAUNCHER --no-config $WORK/corpus"
read -r CFN_CORPUS CFN_CORPUS_SD < <(measure "$CORPUS_RUNS" "$CFN_CORPUS_CMD")
read -r PL_CORPUS PL_CORPUS_SD < <(measure "$CORPUS_RUNS" "$PL_CORPUS_CMD")
echo "  cfn-lint: ${CFN_CORPUS} ms, policy-lint: ${PL_CORPUS} ms"

echo "peak memory..."
RSS_CFN_ONE=$(peak "${CMDS[0]}"); RSS_PL_ONE=$(peak "${CMDS[$LAST]}")
RSS_CFN_CORPUS=$(peak "$CFN_CORPUS_CMD"); RSS_PL_CORPUS=$(peak "$PL_CORPUS_CMD")
FINDINGS=$( (POLICY_LINT_JAR=$PWD/$JAR JAVA_HOME=$JAVA_HOME $LAUNCHER --no-config "$WORK/corpus" 2>&1 || true) | tail -1)

ratio() { python3 -c "print(f'{$1/$2:.1f}')"; }
verdict() { python3 -c "print('met' if $1 >= $2 else 'MISSED')"; }
R_ONE=$(ratio "$CFN_ONE" "$PL_ONE"); R_CORPUS=$(ratio "$CFN_CORPUS" "$PL_CORPUS")
MEM_OK=$(python3 -c "import sys; a=sys.argv[1:]; print('met' if 'n/a' not in a and max(int(x) for x in a) <= 100 else 'MISSED')" "$RSS_PL_ONE" "$RSS_PL_CORPUS")

{
  echo "## policy-lint vs cfn-lint"
  echo
  echo "Measured $(date -u +%Y-%m-%d) by \`make bench-policy-lint\` (\`scripts/bench-policy-lint.sh\`) on $(nproc) cores,"
  echo "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo 2>/dev/null || echo 'unknown CPU'), $(free -g | awk '/Mem:/ {print $2}') GiB,"
  echo "$("$JAVA" -version 2>&1 | head -1), $("$CFN_LINT" --version 2>/dev/null), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end."
  echo "Times are means of ${RUNS} runs (corpus: ${CORPUS_RUNS}) $(command -v hyperfine >/dev/null && echo 'with hyperfine' || echo 'with a timed loop'), process start to exit."
  echo "Peak memory is the maximum resident set size from \`/usr/bin/time -v\`."
  echo
  echo "| | cfn-lint | policy-lint | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| one template, as pre-commit runs it | ${CFN_ONE} ms | ${PL_ONE} ms | ${R_ONE}x faster | >= 5x: $(verdict "$R_ONE" 5) |"
  echo "| corpus of 240 templates, one process | ${CFN_CORPUS} ms | ${PL_CORPUS} ms | ${R_CORPUS}x faster | >= 20x: $(verdict "$R_CORPUS" 20) |"
  echo "| peak memory, one template | ${RSS_CFN_ONE} MB | ${RSS_PL_ONE} MB | | |"
  echo "| peak memory, corpus | ${RSS_CFN_CORPUS} MB | ${RSS_PL_CORPUS} MB | | <= 100 MB: ${MEM_OK} |"
  echo
  echo "What each start-up step buys (one template, policy-lint only unless named):"
  echo
  echo "| command | mean | ± |"
  echo "|---|---|---|"
  for i in "${!CMDS[@]}"; do echo "| ${NAMES[$i]} | ${MEAN[$i]} ms | ${SD[$i]} ms |"; done
  echo
  echo "The corpus is generated from the test fixtures (240 YAML and JSON templates, SAM and CDK synth output included);"
  echo "policy-lint's verdict on it: \`${FINDINGS}\`. cfn-lint checks far more than IAM (every resource schema);"
  echo "policy-lint checks what cfn-lint cannot (placeholders, grants against the actual runtimes), so the two are"
  echo "complements, and the comparison is about what a pre-commit hook costs."
} > "$WORK/section.md"

python3 - "$REPORT" "$WORK/section.md" <<'PY'
import sys
report, section = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
begin, end = "<!-- BEGIN policy-lint -->", "<!-- END policy-lint -->"
try:
    text = open(report, encoding="utf-8").read()
except FileNotFoundError:
    text = "# Benchmarks\n"
if begin in text and end in text:
    head, rest = text.split(begin, 1)
    text = head + begin + "\n" + section + rest[rest.index(end):]
else:
    text = text.rstrip("\n") + "\n\n" + begin + "\n" + section + end + "\n"
tmp = report + ".tmp"
open(tmp, "w", encoding="utf-8").write(text)
import os; os.replace(tmp, report)
PY
echo "wrote the policy-lint section of $REPORT"
cat "$WORK/section.md"
