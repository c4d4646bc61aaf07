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
JAR=policy-lint/policy-lint-cli/target/policy-lint.jar
LAUNCHER=policy-lint/policy-lint/bin/policy-lint
CFN_LINT=.venv/bin/cfn-lint
WORK=docs/bench-work/policy-lint
RUNS=${RUNS:-5}
CORPUS_RUNS=${CORPUS_RUNS:-4}
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
# '--' before the path sends the command line through picocli (PolicyLint.parsePlain leaves it to picocli), to show
# what parsing the plain command line without picocli buys.
[ -f "$AOT" ] && add "+ AOT cache (JDK 25, JEP 483/514) instead, command line parsed by picocli" "$JAVA $C1 -XX:AOTCache=$AOT -Xlog:aot=off -Xlog:cds=off -jar $JAR --no-config -- $SINGLE"
[ -f "$AOT" ] && add "+ plain command line parsed without picocli" "$JAVA $C1 -XX:AOTCache=$AOT -Xlog:aot=off -Xlog:cds=off -jar $JAR --no-config $SINGLE"
add "launcher as shipped (bin/policy-lint)" "env POLICY_LINT_JAR=$PWD/$JAR JAVA_HOME=$JAVA_HOME $LAUNCHER --no-config $SINGLE"

# Each command's times are collected over several rounds that interleave the commands, so that a change in the
# machine's load (other builds) hits every command alike; the report gives the median and the spread.
declare -A TIMES
sample() { # key runs command: appends the times (ms) of `runs` runs to TIMES[key]
  local key=$1 runs=$2 cmd=$3 out i s e
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$WORK/h.json" "$cmd" >/dev/null 2>&1
    out=$(python3 -c "import json;print(' '.join(f'{t*1000:.1f}' for t in json.load(open('$WORK/h.json'))['results'][0]['times']))")
  else
    bash -c "$cmd" >/dev/null 2>&1 || true
    out=""
    for ((i = 0; i < runs; i++)); do
      s=$(date +%s%N); bash -c "$cmd" >/dev/null 2>&1 || true; e=$(date +%s%N); out+=" $(( (e - s) / 1000000 ))"
    done
  fi
  TIMES[$key]="${TIMES[$key]:-} $out"
}
stats() { # key -> "median stddev min"
  python3 -c "import statistics as s,sys;v=[float(x) for x in sys.argv[1:]];print(f'{s.median(v):.0f} {s.pstdev(v):.0f} {min(v):.0f}')" ${TIMES[$1]}
}

peak() { # command -> peak RSS in MB
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$WORK/rss" bash -c "exec $1" >/dev/null 2>&1 || true
    tail -1 "$WORK/rss" | awk '{printf "%.0f", $1/1024}'
  else
    echo "n/a"
  fi
}

ROUNDS=${ROUNDS:-4}
echo "one template: ${ROUNDS} rounds of ${RUNS} runs per command..."
declare -a MEAN SD MIN
for ((round = 0; round < ROUNDS; round++)); do
  for i in "${!CMDS[@]}"; do sample "one$i" "$RUNS" "${CMDS[$i]}"; done
done
for i in "${!CMDS[@]}"; do
  read -r m s n < <(stats "one$i")
  MEAN[$i]=$m; SD[$i]=$s; MIN[$i]=$n
  echo "  ${NAMES[$i]}: median ${m} ms ± ${s} (min ${n})"
done
CFN_ONE=${MEAN[0]}
LAST=$(( ${#CMDS[@]} - 1 ))
PL_ONE=${MEAN[$LAST]}

echo "corpus of 240 templates: ${CORPUS_RUNS} rounds..."
CFN_CORPUS_CMD="$CFN_LINT $WORK/corpus/*"
PL_CORPUS_CMD="env POLICY_LINT_JAR=$PWD/$JAR JAVA_HOME=$JAVA_HOME $LAUNCHER --no-config $WORK/corpus"
for ((round = 0; round < CORPUS_RUNS; round++)); do
  sample cfn_corpus 1 "$CFN_CORPUS_CMD"
  sample pl_corpus 3 "$PL_CORPUS_CMD"
done
read -r CFN_CORPUS CFN_CORPUS_SD _ < <(stats cfn_corpus)
read -r PL_CORPUS PL_CORPUS_SD _ < <(stats pl_corpus)
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
  echo "Times are medians, process start to exit, $(command -v hyperfine >/dev/null && echo 'measured with hyperfine' || echo 'measured with a timed loop'):"
  echo "one template ${ROUNDS} rounds x ${RUNS} runs, the corpus ${CORPUS_RUNS} rounds (cfn-lint 1 run, policy-lint 3 runs a round);"
  echo "rounds interleave the commands so that other load on the machine hits all of them alike."
  echo "Peak memory is the maximum resident set size from \`/usr/bin/time -v\`."
  echo
  echo "| | cfn-lint | policy-lint | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| one template, as pre-commit runs it | ${CFN_ONE} ms ± ${SD[0]} | ${PL_ONE} ms ± ${SD[$LAST]} | ${R_ONE}x faster | >= 8x: $(verdict "$R_ONE" 8) |"
  echo "| corpus of 240 templates, one process | ${CFN_CORPUS} ms ± ${CFN_CORPUS_SD} | ${PL_CORPUS} ms ± ${PL_CORPUS_SD} | ${R_CORPUS}x faster | >= 30x: $(verdict "$R_CORPUS" 30) |"
  echo "| peak memory, one template | ${RSS_CFN_ONE} MB | ${RSS_PL_ONE} MB | | |"
  echo "| peak memory, corpus | ${RSS_CFN_CORPUS} MB | ${RSS_PL_CORPUS} MB | | <= 100 MB: ${MEM_OK} |"
  echo
  echo "What each start-up step buys (one template, policy-lint only unless named):"
  echo
  echo "| command | median | ± | min | vs previous step |"
  echo "|---|---|---|---|---|"
  for i in "${!CMDS[@]}"; do
    step=""
    if [ "$i" -ge 2 ]; then step="$(( MEAN[i] - MEAN[i-1] )) ms"; fi
    [ "$i" -eq 1 ] && step="(starting point)"
    echo "| ${NAMES[$i]} | ${MEAN[$i]} ms | ${SD[$i]} ms | ${MIN[$i]} ms | ${step} |"
  done
  echo
  echo "The AOT cache is recorded by the launcher's training run, \`--self-check\`, which lints the bundled samples with a"
  echo "text report the way a pre-commit run goes and loads little else: every class in the cache is loaded at each start,"
  echo "used or not (a cache that also held picocli, the JSON and SARIF reports and the zip file system held 3231 classes"
  echo "instead of about 1950, and a one-template lint took some 15 to 20 ms longer). So the picocli row above loads picocli"
  echo "from the jar; a plain command line (what pre-commit passes) never starts picocli (\`PolicyLint.parsePlain\`)."
  echo "Templates in block YAML and strict JSON are read without snakeyaml-engine and Jackson (\`BlockYaml\`,"
  echo "\`JsonTokenizer\`; the full readers take what those decline, and word every error), so the self-check leaves out the"
  echo "samples that do not parse and the cache holds about 1700 classes; a run that meets such a file loads the YAML and"
  echo "JSON libraries from the jar."
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
