"""First-event benchmark: process start to the first SSE event of the first invocation, with a Bedrock model client
configured, Python's BedrockAgentCoreApp streaming boto3's converse_stream (scripts/bench/bedrock_agent.py) against
the lean Java core with agent-kit's Agent on BedrockConverseModel (agents/benchmarks/bedrock-agent), both on the same
local Bedrock: the local AgentCore's Bedrock echo model on its own (`local-agentcore bedrock-echo`), which verifies
each SigV4 signature and answers ConverseStream as AWS's event stream. Building the AWS SDK client (HTTP client,
credential chain) is part of what every new AgentCore session pays before its first answer, so this is where the Java
side's HTTP client and SDK settings are chosen. Writes the first-event section of docs/benchmarks.md.
"""
import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchlib import LEAN_C1, PYTHON, ROOT, free_port, log, replace_section, require, rss_mb

JAR = ROOT / "agents/benchmarks/bedrock-agent/target/bedrock-agent.jar"
ENDPOINT_JAR = ROOT / "infra/local-agentcore/target/local-agentcore.jar"
PY_APP = ROOT / "scripts/bench/bedrock_agent.py"
MAIN = "dev.agentcore.bench.bedrock.LeanBedrockAgent"
PROMPT = "What is VO2 max?"
ANSWER = "[local model] You said: " + PROMPT
REGION = "us-east-1"
TARGET_MS = 100  # issue 14: no slower than Python's plus 100 ms

# The Java launches: (label, JVM options are the images' (C1 only, serial GC) or none, AOT cache, agent arguments).
# "kit" is agent-kit as shipped; the others build the SDK client in the benchmark's main with one choice changed.
KIT = ("agent-kit as shipped (Netty, default credential chain, client built before the server starts)", [])
CHOICES = [
    ("Netty, default credential chain", ["client=netty", "credentials=chain"]),
    ("Netty, environment credentials provider", ["client=netty", "credentials=environment"]),
    ("Netty, one event-loop thread, environment credentials", ["client=netty1", "credentials=environment"]),
    ("AWS CRT, default credential chain", ["client=crt", "credentials=chain"]),
    ("AWS CRT, environment credentials provider", ["client=crt", "credentials=environment"]),
    ("agent-kit, client built on a thread at start", ["build=background"]),
    ("agent-kit, client built at the first invocation", ["build=first-call"]),
]


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True)
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds to take the median of")
    parser.add_argument("--report", default=str(ROOT / "docs/benchmarks.md"))
    args = parser.parse_args()
    require(JAR, ENDPOINT_JAR, PYTHON, hint="run `make bench-first-event` (it builds what is needed)")
    return args


class LocalBedrock:
    """`local-agentcore bedrock-echo` on a free port, for the whole run; its first line is the endpoint's export."""

    def __init__(self, java):
        self.proc = subprocess.Popen([java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(ENDPOINT_JAR),
                                      "bedrock-echo", "--port", "0", "--region", REGION],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline().strip()
        if not line.startswith("export AWS_ENDPOINT_URL_BEDROCK_RUNTIME="):
            self.stop()
            raise SystemExit(f"local-agentcore bedrock-echo did not start: {line!r}")
        self.url = line.split("=", 1)[1]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(30)


def environment(endpoint, home):
    """What both agents get, as an AgentCore session would: region, static test keys, the endpoint; an empty home
    (no ~/.aws), nothing else of this machine's."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8",
            "AWS_REGION": REGION, "AWS_DEFAULT_REGION": REGION,
            "AWS_ACCESS_KEY_ID": "local", "AWS_SECRET_ACCESS_KEY": "local",
            "AWS_ENDPOINT_URL_BEDROCK_RUNTIME": endpoint}


def first_event(argv_for_port, env, label):
    """(ms from process start to the first `data:` of the first POST /invocations, RSS MB after the whole answer).
    /ping is polled every 5 ms until it answers 200, as AgentCore waits for it; every answer is checked whole."""
    port = free_port()
    started = time.perf_counter()
    proc = subprocess.Popen(argv_for_port(port), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = started + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"{label} exited with {proc.returncode} before answering /ping")
            if time.perf_counter() > deadline:
                raise SystemExit(f"{label} did not answer /ping within 60 s")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/ping")
                if conn.getresponse().status == 200:
                    break
            except (OSError, http.client.HTTPException):
                time.sleep(0.005)
        body = json.dumps({"prompt": PROMPT}).encode()
        request = (b"POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
        with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
            sock.sendall(request)
            seen = b""
            while b"data:" not in seen:
                chunk = sock.recv(65536)
                if not chunk:
                    raise SystemExit(f"{label}: the answer ended before its first event: {seen[:300]!r}")
                seen += chunk
            first = (time.perf_counter() - started) * 1000
            while chunk := sock.recv(65536):
                seen += chunk
        head, _, stream = seen.decode("utf-8", "replace").partition("\r\n\r\n")
        text = "".join(json.loads(line[5:]) for line in stream.splitlines() if line.startswith("data:"))
        if not head.startswith("HTTP/1.1 200") or text != ANSWER:
            raise SystemExit(f"{label}: expected a 200 streaming {ANSWER!r}, got {seen[:400]!r}")
        return first, rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(300)  # a training run writes its AOT cache as it exits
        except subprocess.TimeoutExpired:
            proc.kill()


def java_argv(java, options, agent_args):
    return lambda port: [java, *options, "-cp", str(JAR), MAIN, str(port), *agent_args]


def train(java, agent_args, cache, env):
    """The JDK AOT cache of one launch: a training run serves one invocation (so that the Bedrock call's classes are
    in it) and writes the cache as it exits."""
    first_event(java_argv(java, LEAN_C1 + [f"-XX:AOTCacheOutput={cache}"], agent_args), env, f"training {cache.name}")
    require(cache, hint="the AOT training run wrote no cache")


def main():
    args = arguments()
    bedrock = LocalBedrock(args.java)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-first-event-") as tmp:
            work = Path(tmp)
            (work / "home").mkdir()
            env = environment(bedrock.url, work / "home")
            launches = [("Python BedrockAgentCoreApp + boto3", "", lambda port: [str(PYTHON), str(PY_APP), str(port)])]
            launches += [
                (KIT[0], "default JVM", java_argv(args.java, [], KIT[1])),
                (KIT[0], "C1 only, serial GC, -Xmx64m", java_argv(args.java, LEAN_C1, KIT[1])),
            ]
            log("AOT training runs ...")
            for i, (label, agent_args) in enumerate([KIT] + CHOICES):
                cache = work / f"launch-{i}.aot"
                train(args.java, agent_args, cache, env)
                if i > 0:  # the choices without a cache too: the images ship none (docs/benchmarks.md, image)
                    launches.append((label, "C1 only, serial GC, -Xmx64m", java_argv(args.java, LEAN_C1, agent_args)))
                launches.append((label, "C1 only, serial GC, -Xmx64m + AOT cache",
                                 java_argv(args.java, LEAN_C1 + [f"-XX:AOTCache={cache}"], agent_args)))
            log(f"first events: {len(launches)} launches x {args.rounds} rounds, interleaved ...")
            samples = [[] for _ in launches]
            for _ in range(args.rounds):
                for i, (label, jvm, argv) in enumerate(launches):
                    samples[i].append(first_event(argv, env, f"{label} ({jvm})" if jvm else label))
    finally:
        bedrock.stop()
    results = [(label, jvm, statistics.median(s[0] for s in runs), min(s[0] for s in runs), max(s[0] for s in runs),
                statistics.median(s[1] for s in runs)) for (label, jvm, _), runs in zip(launches, samples)]
    write_report(args, results)


def machine(java):
    import platform
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    botocore = subprocess.run([str(PYTHON), "-c", "import botocore; print(botocore.__version__)"], capture_output=True,
                              text=True).stdout.strip()
    load = os.getloadavg()
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; {version}; "
            f"Python {platform.python_version()}, boto3/botocore {botocore}; the machine is shared with other work: "
            f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1, 5, 15 min) when the report was written")


def write_report(args, results):
    python = results[0]
    py_ms, py_mb = python[2], python[5]
    lines = [
        "## First model event: process start to the first SSE event, with a Bedrock client",
        "",
        f"Produced by `make bench-first-event` (`scripts/bench-first-event.sh`) on {time.strftime('%Y-%m-%d')}: "
        f"{machine(args.java)}.",
        "Each launch is timed from process start to the first `data:` event of its first `POST /invocations`",
        "(`{\"prompt\": \"What is VO2 max?\"}`), `/ping` polled every 5 ms until it answers 200 first, as AgentCore",
        "waits for it; every answer is checked to be a 200 streaming the whole echo. Resident memory is read after the",
        f"answer ends. Launches are interleaved (one of each per round) and the median of {args.rounds} rounds is shown,",
        "with the fastest and slowest round. Both sides call the same local Bedrock, `local-agentcore bedrock-echo`",
        "(the local AgentCore's AWS gateway alone: it verifies the SigV4 signature, then its echo model answers",
        "ConverseStream as AWS's event stream, a text delta per word), at `AWS_ENDPOINT_URL_BEDROCK_RUNTIME`, with",
        "`AWS_REGION`/`AWS_DEFAULT_REGION`, static test keys in `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` and an",
        "empty home (no `~/.aws`).",
        "",
        "- Python: `BedrockAgentCoreApp` (uvicorn) with an entry point that streams boto3 `bedrock-runtime`",
        "  `converse_stream` text deltas (`scripts/bench/bedrock_agent.py`); the boto3 client is built at import, as",
        "  a Python agent and Strands' `BedrockModel` build it.",
        "- Java: the lean core (`agents/agentcore-runtime`) with agent-kit's `Agent` on `BedrockConverseModel`",
        "  (`agents/benchmarks/bedrock-agent`, `LeanBedrockAgent`). \"agent-kit as shipped\" is",
        "  `BedrockConverseModel.builder().build()`; the other rows build the SDK client in the benchmark with one",
        "  choice changed (endpoint and region given to the builder). The AOT cache is the JDK's (JEP 483/514), one",
        "  per launch, from a training run that serves one invocation.",
        "",
        "| launch | JVM | first event ms, median (min to max) | vs Python | RSS after the answer MB |",
        "|---|---|---|---|---|",
    ]
    for label, jvm, ms, low, high, mb in results:
        delta = "" if label == python[0] else f"{ms - py_ms:+.0f} ms"
        lines.append(f"| {label} | {jvm} | {ms:.0f} ({low:.0f} to {high:.0f}) | {delta} | {mb:.0f} |")
    java = [r for r in results[1:]]
    best = min(java, key=lambda r: r[2])
    kit_plain = next(r for r in java if r[0] == KIT[0] and r[1].startswith("C1") and "AOT" not in r[1])
    kit_aot = next(r for r in java if r[0] == KIT[0] and "AOT" in r[1])
    verdict = lambda r: (f"met ({r[2]:.0f} ms against {py_ms:.0f} + {TARGET_MS} ms)" if r[2] <= py_ms + TARGET_MS
                         else f"**missed** by {r[2] - py_ms - TARGET_MS:.0f} ms ({r[2]:.0f} ms against "
                              f"{py_ms:.0f} + {TARGET_MS} ms)")
    lines += [
        "",
        "### Against the target (issue 14: no slower than Python's first event plus 100 ms)",
        "",
        f"- agent-kit as shipped, C1 only and an AOT cache: {verdict(kit_aot)}.",
        f"- agent-kit as shipped, C1 only without a cache (the images ship none today): {verdict(kit_plain)}.",
        f"- Fastest Java launch: {best[0]} ({best[1]}), {best[2]:.0f} ms.",
    ]
    replace_section(Path(args.report), "first-event", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
