"""Local AgentCore benchmark: what the local data plane (infra/local-agentcore) adds over calling the session's
container directly, and a new session's cold start, same machine, same run.

The hello agent (agents/samples/hello-agent, offline model) is built as a Jib image tar (scratch base, as
infra/local-runner's tests build it) and served by the launcher with --image URI=TAR. One runtime is created with
boto3 (bedrock-agentcore-control). Then:

1. Added latency: the same small invocation, sent directly to the session's process (`POST /invocations` on the port
   the runner wrote in the session log's first line) and through the data plane (`POST /runtimes/<ARN>/invocations`,
   SigV4-signed with botocore's signer, the same session id so the same process answers), in interleaved rounds on
   one keep-alive connection each. Signing happens before the clock starts: the client's work is not the data
   plane's. Every answer must be a 200 carrying the offline model's reply.
2. Cold start: InvokeAgentRuntime with a new session id, to the answer's headers and to its last byte; for
   reference the session's process spawn (its log file, written just before the spawn) to the first 200 on its
   /ping, polled here every 5 ms, and the JVM's own "process running for" from Spring Boot's start-up line.

Writes the local section of docs/benchmarks.md. Needs .venv (botocore, boto3) and `make bench-local`'s build.
"""
import argparse
import concurrent.futures
import http.client
import json
import os
import platform
import re
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials

from benchlib import ROOT, log, replace_section, require, verdict

LAUNCHER = ROOT / "infra/local-agentcore/bin/local-agentcore"
LAUNCHER_JAR = ROOT / "infra/local-agentcore/target/local-agentcore.jar"
AGENT = "agents/samples/hello-agent"
IMAGE_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/bench-hello-agent:latest"
ROLE = "arn:aws:iam::123456789012:role/bench-hello-agent"
REGION = "us-east-1"
CREDENTIALS = Credentials("local", "local")  # the local stack's static key (the launcher's default caller)
SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"
PROMPT = "What is VO2 max?"
PAYLOAD = json.dumps({"prompt": PROMPT}).encode()
EXPECTED = f"[offline model] You said: {PROMPT}"
TARGET_MS = 1.0
LISTENING = re.compile(r"listening on (http://[\d.]+:\d+)")
PORT_LINE = re.compile(r"^# local-runner: .*, port (\d+)$", re.M)
SPRING_STARTED = re.compile(r"Started \w+ in ([\d.]+) seconds \(process running for ([\d.]+)\)")


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True)
    parser.add_argument("--requests", type=int, default=3000, help="requests per path at concurrency 1")
    parser.add_argument("--rounds", type=int, default=10, help="interleaved rounds the requests are split into")
    parser.add_argument("--concurrency", type=int, default=8,
                        help="concurrent sessions for the second latency measurement (0: skip it)")
    parser.add_argument("--concurrent-requests", type=int, default=1600,
                        help="requests per path at that concurrency")
    parser.add_argument("--sessions", type=int, default=5, help="new sessions whose cold start is measured")
    parser.add_argument("--report", default=str(ROOT / "docs/benchmarks.md"))
    args = parser.parse_args()
    require(LAUNCHER_JAR, ROOT / ".venv/bin/python",
            hint="run `make bench-local` (it builds and installs what is needed)")
    return args


def build_image(java, out):
    """The hello agent's Jib image tar, arm64 on a scratch base (no registry is reachable), as infra/local-runner's
    tests build it: the sample's own layers, entry point, flags and environment."""
    tar = out / "hello-agent.tar"
    command = [str(ROOT / "mvnw"), "-B", "-ntp", "-o", "-q", "-f", str(ROOT / "pom.xml"), "-pl", AGENT,
               "compile", "jib:buildTar", "-Djib.from.image=scratch", "-Djib.from.platforms=linux/arm64",
               f"-Djib.outputPaths.tar={tar}"]
    command += [f"-Djib.outputPaths.{what}={out / what}" for what in ("digest", "imageId", "imageJson")]
    env = {**os.environ, "JAVA_HOME": str(Path(java).resolve().parents[1])}
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0 or not tar.is_file():
        raise SystemExit(f"jib:buildTar of {AGENT} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return tar


class Launcher:
    """infra/local-agentcore's launcher as a process; its sessions' logs go to log_dir."""

    def __init__(self, java, tar, work):
        self.log_dir = work / "logs"
        self.output = work / "launcher.log"
        argv = [str(LAUNCHER), "--image", f"{IMAGE_URI}={tar}", "--require-mmdsv2", "false",
                "--provisioning-delay", "50", "--work-dir", str(work / "runner"), "--log-dir", str(self.log_dir)]
        env = {**os.environ, "JAVA_HOME": str(Path(java).resolve().parents[1])}
        started = time.perf_counter()
        with open(self.output, "w") as out:
            self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=out, text=True, env=env)
        first = self.proc.stdout.readline()
        match = LISTENING.search(first)
        if not match:
            self.stop()
            raise SystemExit(f"the launcher did not start: {first!r}\n{self.output.read_text()[-2000:]}")
        self.endpoint = match.group(1)
        self.ready_ms = (time.perf_counter() - started) * 1000
        # Drain the rest of its standard output so that it never blocks on a full pipe.
        threading.Thread(target=lambda: self.proc.stdout.read(), daemon=True).start()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: the launcher stops every session's process tree, then exits 0
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def create_runtime(endpoint):
    control = boto3.client("bedrock-agentcore-control", region_name=REGION, endpoint_url=endpoint,
                           aws_access_key_id="local", aws_secret_access_key="local")
    created = control.create_agent_runtime(
        agentRuntimeName=f"bench_hello_{uuid.uuid4().hex[:8]}",
        agentRuntimeArtifact={"containerConfiguration": {"containerUri": IMAGE_URI}},
        roleArn=ROLE,
        networkConfiguration={"networkMode": "PUBLIC"},
        environmentVariables={"AGENT_MODEL_PROVIDER": "offline"},
    )
    deadline = time.time() + 60
    while time.time() < deadline:
        got = control.get_agent_runtime(agentRuntimeId=created["agentRuntimeId"])
        if got["status"] == "READY":
            return created["agentRuntimeArn"]
        if got["status"] not in ("CREATING", "UPDATING"):
            raise SystemExit(f"the runtime became {got['status']}: {got.get('failureReason')}")
        time.sleep(0.05)
    raise SystemExit("the runtime was not READY within 60 s")


def sdk_invoke(endpoint, arn, session):
    """One InvokeAgentRuntime through boto3 itself: the raw requests below must be what the SDK sends."""
    data = boto3.client("bedrock-agentcore", region_name=REGION, endpoint_url=endpoint,
                        aws_access_key_id="local", aws_secret_access_key="local",
                        config=Config(retries={"max_attempts": 1}))
    answer = data.invoke_agent_runtime(agentRuntimeArn=arn, runtimeSessionId=session, payload=PAYLOAD)
    body = answer["response"].read()
    if answer_text(body) != EXPECTED:
        raise SystemExit(f"the SDK's InvokeAgentRuntime answered {body[:300]!r}")


def answer_text(body):
    """The text an SSE answer streams: the JSON strings of its `data:` lines, joined."""
    events = [json.loads(line[6:]) for line in body.decode().splitlines() if line.startswith("data: ")]
    return "".join(event if isinstance(event, str) else json.dumps(event) for event in events)


class Path_:
    """One way to send the invocation, on one keep-alive connection: headers() gives what to send (signed before
    the clock starts), send() times request to last byte and checks the answer."""

    def __init__(self, name, host, port, path, headers):
        self.name, self.path, self.headers = name, path, headers
        self.conn = http.client.HTTPConnection(host, port, timeout=60)

    def send(self):
        headers = self.headers()
        started = time.perf_counter()
        self.conn.request("POST", self.path, PAYLOAD, headers)
        response = self.conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200 or answer_text(body) != EXPECTED:
            raise SystemExit(f"{self.name}: {response.status} {body[:300]!r}")
        return elapsed


def direct_path(port, session):
    fixed = {"Content-Type": "application/json", SESSION_HEADER: session}
    return Path_("direct", "127.0.0.1", port, "/invocations", lambda: fixed)


def data_plane_path(endpoint, arn, session):
    """What boto3's invoke_agent_runtime sends (the ARN URL-encoded in the path, qualifier DEFAULT), signed anew for
    each request as a client does."""
    url = f"{endpoint}/runtimes/{urllib.parse.quote(arn, safe='')}/invocations?qualifier=DEFAULT"
    split = urllib.parse.urlsplit(url)
    signer = SigV4Auth(CREDENTIALS, "bedrock-agentcore", REGION)

    def headers():
        request = AWSRequest("POST", url, data=PAYLOAD,
                             headers={"Content-Type": "application/json", SESSION_HEADER: session})
        signer.add_auth(request)
        return dict(request.headers.items())

    return Path_("data plane", split.hostname, split.port, f"{split.path}?{split.query}", headers)


def percentiles(samples):
    ordered = sorted(samples)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return {"p50": statistics.median(ordered), "p90": at(0.90), "p99": at(0.99), "n": len(ordered)}


def latency_c1(direct, plane, requests, rounds):
    """Interleaved rounds, the order swapped each round, so that other load on the machine hits both alike."""
    samples = {"direct": [], "plane": []}
    round_p50 = []
    per_round = max(1, requests // rounds)
    for r in range(rounds):
        order = [("direct", direct), ("plane", plane)]
        if r % 2:
            order.reverse()
        this_round = {}
        for key, path in order:
            this_round[key] = [path.send() for _ in range(per_round)]
            samples[key] += this_round[key]
        round_p50.append(statistics.median(this_round["plane"]) - statistics.median(this_round["direct"]))
    return {k: percentiles(v) for k, v in samples.items()}, round_p50


def latency_concurrent(endpoint, arn, log_dir, workers, requests, rounds):
    """Concurrency `workers`. An agent answers one prompt at a time (a second prompt to a busy session is refused),
    so concurrent invocations are concurrent sessions, each its own process as on AgentCore: `workers` sessions,
    one client thread and connection per session and path, in interleaved rounds."""
    sessions = [f"bench-concurrent-{i}-{uuid.uuid4()}" for i in range(workers)]
    for session in sessions:  # one at a time: eight JVMs starting at once on 2 cores could miss the 30 s limit
        sdk_invoke(endpoint, arn, session)
    ports = [port_of(session_log(log_dir, session)) for session in sessions]
    paths = {"direct": [direct_path(port, session) for port, session in zip(ports, sessions)],
             "plane": [data_plane_path(endpoint, arn, session) for session in sessions]}
    samples = {"direct": [], "plane": []}
    per_worker = max(1, requests // rounds // workers)
    try:
        with concurrent.futures.ThreadPoolExecutor(workers) as pool:
            for key in ("direct", "plane"):  # warm-up, not counted
                list(pool.map(lambda p: [p.send() for _ in range(100)], paths[key]))
            for r in range(rounds):
                for key in (("direct", "plane") if r % 2 == 0 else ("plane", "direct")):
                    for run in pool.map(lambda p: [p.send() for _ in range(per_worker)], paths[key]):
                        samples[key] += run
    finally:
        for session in sessions:
            stop_session(endpoint, arn, session)
    return {k: percentiles(v) for k, v in samples.items()}


def session_log(log_dir, session, timeout=60):
    """The runner's log of the session (`<runtime id>-v<version>-<session id>.log`), once it exists."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        found = list(log_dir.glob(f"*-{session}.log"))
        if found:
            return found[0]
        time.sleep(0.001)
    raise SystemExit(f"no session log for {session} in {log_dir}")


def port_of(log_file, timeout=10):
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        match = PORT_LINE.search(log_file.read_text(errors="replace"))
        if match:
            return int(match.group(1))
        time.sleep(0.001)
    raise SystemExit(f"no port in the first line of {log_file}")


def cold_start(endpoint, arn, log_dir):
    """One new session: InvokeAgentRuntime to the answer's headers and to its last byte; meanwhile, the session's
    spawn (its log file appearing) to the first 200 on its /ping, polled every 5 ms."""
    session = f"bench-cold-{uuid.uuid4()}"
    plane = data_plane_path(endpoint, arn, session)
    headers = plane.headers()
    ping = {}

    def watch():
        log_file = session_log(log_dir, session)
        spawned = time.perf_counter()
        port = port_of(log_file)
        while time.perf_counter() - spawned < 60:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
                conn.request("GET", "/ping")
                if conn.getresponse().status == 200:
                    ping["ms"] = (time.perf_counter() - spawned) * 1000
                    ping["log"] = log_file
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    started = time.perf_counter()
    watcher.start()
    plane.conn.request("POST", plane.path, PAYLOAD, headers)
    response = plane.conn.getresponse()
    first = (time.perf_counter() - started) * 1000
    body = response.read()
    whole = (time.perf_counter() - started) * 1000
    watcher.join()
    if response.status != 200 or answer_text(body) != EXPECTED:
        raise SystemExit(f"cold start: {response.status} {body[:300]!r}")
    jvm = SPRING_STARTED.search(ping["log"].read_text(errors="replace")) if "log" in ping else None
    stop_session(endpoint, arn, session)
    return {"first": first, "whole": whole, "ping": ping.get("ms", float("nan")),
            "jvm": float(jvm.group(2)) * 1000 if jvm else float("nan")}


def stop_session(endpoint, arn, session):
    url = f"{endpoint}/runtimes/{urllib.parse.quote(arn, safe='')}/stopruntimesession?qualifier=DEFAULT"
    request = AWSRequest("POST", url, data=b"{}", headers={"Content-Type": "application/json", SESSION_HEADER: session})
    SigV4Auth(CREDENTIALS, "bedrock-agentcore", REGION).add_auth(request)
    split = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(split.hostname, split.port, timeout=30)
    conn.request("POST", f"{split.path}?{split.query}", b"{}", dict(request.headers.items()))
    answer = conn.getresponse()
    answer.read()
    if answer.status != 200:
        raise SystemExit(f"StopRuntimeSession answered {answer.status}")


def main():
    args = arguments()
    load_before = os.getloadavg()
    # The image tar, the runner's unpacked image and the sessions' homes and logs: nothing is needed after the run.
    with tempfile.TemporaryDirectory(prefix="bench-local-") as tmp:
        work = Path(tmp)
        log("building the hello agent's Jib image tar ...")
        tar = build_image(args.java, work)
        launcher = Launcher(args.java, tar, work)
        try:
            log(f"launcher on {launcher.endpoint} in {launcher.ready_ms:.0f} ms; creating the runtime ...")
            arn = create_runtime(launcher.endpoint)

            session = f"bench-latency-{uuid.uuid4()}"
            sdk_invoke(launcher.endpoint, arn, session)  # starts the session (and unpacks the image)
            port = port_of(session_log(launcher.log_dir, session))
            direct, plane = direct_path(port, session), data_plane_path(launcher.endpoint, arn, session)
            log(f"session on port {port}; warm-up ...")
            for _ in range(1000):
                direct.send()
                plane.send()
            log(f"concurrency 1: {args.requests} requests each in {args.rounds} rounds ...")
            c1, round_p50 = latency_c1(direct, plane, args.requests, args.rounds)
            stop_session(launcher.endpoint, arn, session)
            c8 = None
            if args.concurrency:
                log(f"concurrency {args.concurrency}: {args.concurrent_requests} requests each ...")
                c8 = latency_concurrent(launcher.endpoint, arn, launcher.log_dir, args.concurrency,
                                        args.concurrent_requests, args.rounds)

            log(f"cold starts: {args.sessions} new sessions ...")
            starts = []
            for _ in range(args.sessions):
                time.sleep(1.0)  # let the previous session's process go
                starts.append(cold_start(launcher.endpoint, arn, launcher.log_dir))
        finally:
            launcher.stop()
    write_report(args, launcher.ready_ms, load_before, os.getloadavg(), c1, round_p50, c8, starts)


def machine_line(java, before, after):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; {version}; "
            f"Python {platform.python_version()}, botocore {__import__('botocore').__version__}; the client (this "
            f"script, one Python thread per connection) on the same machine; the machine is shared with other "
            f"work: load average {before[0]:.1f} / {before[1]:.1f} / {before[2]:.1f} (1, 5, 15 min) before the run, "
            f"{after[0]:.1f} / {after[1]:.1f} / {after[2]:.1f} after it (it counts the run's own client, launcher "
            f"and agent)")


def write_report(args, launcher_ms, before, after, c1, round_p50, c8, starts):
    d, p = c1["direct"], c1["plane"]
    added = p["p50"] - d["p50"]
    rows = lambda label, r: [
        f"| {label}, p{q} ms | {r['direct'][f'p{q}']:.3f} | {r['plane'][f'p{q}']:.3f} | "
        f"{r['plane'][f'p{q}'] - r['direct'][f'p{q}']:+.3f} | {r['plane'][f'p{q}'] / r['direct'][f'p{q}']:.2f}x | "
        + (f"< {TARGET_MS:g} ms: {verdict(r['plane']['p50'] - r['direct']['p50'] < TARGET_MS)}" if q == 50 and label == "concurrency 1" else "")
        + " |" for q in (50, 90, 99)]
    median = lambda key: statistics.median(s[key] for s in starts)
    lines = [
        "## Local AgentCore: the data plane's added latency and a new session's cold start",
        "",
        f"Produced by `make bench-local` (`scripts/bench-local.sh`) on {time.strftime('%Y-%m-%d')}: "
        f"{machine_line(args.java, before, after)}.",
        f"The hello agent (`{AGENT}`, `AGENT_MODEL_PROVIDER=offline`, prompt \"{PROMPT}\", a streamed answer of",
        "a few lines) runs as a Jib image tar (scratch base, arm64) served by `infra/local-agentcore/bin/local-agentcore`",
        f"with `--image URI=TAR --require-mmdsv2 false` (ready in {launcher_ms:.0f} ms here); the runtime is created",
        "with boto3. Each request is timed from sending to the last byte of the answer, on a keep-alive connection;",
        "every answer is checked to be a 200 carrying the offline model's reply. Through the data plane the request",
        "is what boto3's `invoke_agent_runtime` sends (checked once through boto3 itself), SigV4-signed with",
        "botocore's signer before the clock starts, with the same session id, so the same process answers both",
        "ways. Signature verification is not yet switched on in the launcher (infra/local-agentcore's README), so",
        "the data plane checks the signature's form, the caller's IAM policies and the runtime, then forwards.",
        "",
        f"### Added latency (the same invocation, directly and through the data plane, 1000 warm-up requests each)",
        "",
        "| | direct `POST /invocations` | data plane `POST /runtimes/<ARN>/invocations` | added | ratio | target |",
        "|---|---|---|---|---|---|",
        *rows("concurrency 1", c1),
    ]
    if c8:
        lines += rows(f"concurrency {args.concurrency}", c8)
    lines += [
        "",
        f"Concurrency 1: {d['n']} requests each way in {args.rounds} interleaved rounds (the order swapped each round,",
        "so that other load on the machine hits both alike); the added p50 per round ranged from "
        f"{min(round_p50):+.3f} to {max(round_p50):+.3f} ms (median {statistics.median(round_p50):+.3f})."
        + (f" Concurrency {args.concurrency}: an agent answers one prompt at a time (it refuses a second prompt in a"
           f" busy session), so concurrent invocations are concurrent sessions, each its own process as on AgentCore:"
           f" {args.concurrency} sessions, one client thread and connection per session and path, {c8['direct']['n']}"
           f" requests each way in the same interleaved rounds after 100 warm-up requests per session. The client,"
           f" the launcher and {args.concurrency} agents share {os.cpu_count()} cores, so these figures say as much"
           " about the machine as about the data plane." if c8 else ""),
        "",
        "### A new session's cold start",
        "",
        "| | median ms | min | max |",
        "|---|---|---|---|",
    ]
    for label, key in (("InvokeAgentRuntime with a new session id to the answer's headers", "first"),
                       ("... to the answer's last byte", "whole"),
                       ("for reference: the session's process spawn to its first 200 on /ping (polled every 5 ms)", "ping"),
                       ("for reference: the JVM's own uptime when Spring Boot reports started", "jvm")):
        values = [s[key] for s in starts]
        lines.append(f"| {label} | {median(key):.0f} | {min(values):.0f} | {max(values):.0f} |")
    lines += [
        "",
        f"Over {len(starts)} sessions, one at a time, each stopped (StopRuntimeSession) before the next; the image was",
        "already unpacked by the latency session (the runner unpacks an image once per content). The spawn is when",
        "the runner writes the session's log (just before it starts the process); the runner itself polls /ping",
        "every 100 ms, which is part of what the caller waits. The agent starts from Jib's exploded classpath with",
        "the image's JVM flags and no start-up cache; the runtime section above measures the starter's cold start",
        "with each start-up aid (echo agent, `java -jar`).",
        "",
        "### Against the target",
        "",
        f"- Added latency under 1 ms at p50: {verdict(added < TARGET_MS)} ({added:+.3f} ms at concurrency 1, "
        f"{p['p50']:.3f} ms against {d['p50']:.3f} ms directly, {p['p50'] / d['p50']:.2f}x).",
    ]
    replace_section(Path(args.report), "local", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
