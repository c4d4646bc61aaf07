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
    parser.add_argument("--warmup", type=int, default=300, help="warm-up requests per path and session")
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

    def __init__(self, java, tar, work, java_opts=None):
        self.log_dir = work / "logs"
        self.output = work / "launcher.log"
        argv = [str(LAUNCHER), "--image", f"{IMAGE_URI}={tar}", "--require-mmdsv2", "false",
                "--provisioning-delay", "50", "--work-dir", str(work / "runner"), "--log-dir", str(self.log_dir)]
        env = {**os.environ, "JAVA_HOME": str(Path(java).resolve().parents[1])}
        env.pop("LOCAL_AGENTCORE_JAVA_OPTS", None)
        if java_opts:
            env["LOCAL_AGENTCORE_JAVA_OPTS"] = java_opts
        work.mkdir(parents=True, exist_ok=True)
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


class Target:
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
    return Target("direct", "127.0.0.1", port, "/invocations", lambda: fixed)


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

    return Target("data plane", split.hostname, split.port, f"{split.path}?{split.query}", headers)


# The launcher as shipped sets TCP_NODELAY on its server's sockets (off by default in com.sun.net.httpserver): an
# answer streamed in several small chunks otherwise waits for the client's delayed ACK (about 40 ms on Linux) between
# them. The second launch turns it off again, to show what the setting buys.
VARIANTS = [("as shipped", None),
            ("with Nagle on (-Dsun.net.httpserver.nodelay=false)", "-Dsun.net.httpserver.nodelay=false")]


class Stack:
    """One launcher (a variant), its runtime, and helpers to start sessions on it."""

    def __init__(self, label, java_opts, java, tar, work):
        self.label = label
        self.launcher = Launcher(java, tar, work, java_opts)
        self.endpoint, self.log_dir = self.launcher.endpoint, self.launcher.log_dir
        self.arn = create_runtime(self.endpoint)

    def session(self, name):
        """A running session (started through boto3's InvokeAgentRuntime): (direct path, data plane path)."""
        session = f"bench-{name}-{uuid.uuid4()}"
        sdk_invoke(self.endpoint, self.arn, session)
        port = port_of(session_log(self.log_dir, session))
        return session, direct_path(port, session), data_plane_path(self.endpoint, self.arn, session)

    def stop(self, session):
        stop_session(self.endpoint, self.arn, session)


def percentiles(samples):
    ordered = sorted(samples)
    at = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]
    return {"p50": statistics.median(ordered), "p90": at(0.90), "p99": at(0.99), "n": len(ordered)}


def interleaved(paths, requests, rounds, workers=1):
    """paths: {key: [one path per worker]}. Rounds run every key in turn, the order rotated each round so that
    other load on the machine hits all alike; with workers > 1 a key's paths are driven by as many threads at once.
    Answers ({key: percentiles}, {key: [median per round]})."""
    keys = list(paths)
    samples = {key: [] for key in keys}
    round_medians = {key: [] for key in keys}
    per_worker = max(1, requests // rounds // workers)
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for r in range(rounds):
            for key in keys[r % len(keys):] + keys[:r % len(keys)]:
                this_round = []
                for run in pool.map(lambda p: [p.send() for _ in range(per_worker)], paths[key]):
                    this_round += run
                samples[key] += this_round
                round_medians[key].append(statistics.median(this_round))
    return {key: percentiles(v) for key, v in samples.items()}, round_medians


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


def cold_start(stack):
    """One new session: InvokeAgentRuntime to the answer's headers and to its last byte; meanwhile, the session's
    spawn (its log file appearing) to the first 200 on its /ping, polled every 5 ms."""
    session = f"bench-cold-{uuid.uuid4()}"
    plane = data_plane_path(stack.endpoint, stack.arn, session)
    headers = plane.headers()
    ping = {}

    def watch():
        log_file = session_log(stack.log_dir, session)
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
    stack.stop(session)
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


def latency(stacks, args, workers, requests):
    """Added latency at concurrency `workers`. An agent answers one prompt at a time (it refuses a second prompt
    in a busy session), so concurrent invocations are concurrent sessions, each its own process as on AgentCore:
    `workers` sessions per launcher, one thread and connection per session and path."""
    sessions, paths = [], {}
    for stack in stacks:
        started = [stack.session(f"c{workers}-{i}") for i in range(workers)]  # one at a time: see the README's 30 s limit
        sessions += [(stack, session) for session, _, _ in started]
        paths[(stack.label, "direct")] = [direct for _, direct, _ in started]
        paths[(stack.label, "plane")] = [plane for _, _, plane in started]
    try:
        interleaved(paths, args.warmup * workers * 2, 2, workers)  # JIT, pools, connections: not counted
        return interleaved(paths, requests, args.rounds, workers)
    finally:
        for stack, session in sessions:
            stack.stop(session)


def main():
    args = arguments()
    load_before = os.getloadavg()
    # The image tar, the runner's unpacked image and the sessions' homes and logs: nothing is needed after the run.
    with tempfile.TemporaryDirectory(prefix="bench-local-") as tmp:
        work = Path(tmp)
        log("building the hello agent's Jib image tar ...")
        tar = build_image(args.java, work)
        stacks = []
        try:
            for i, (label, opts) in enumerate(VARIANTS):
                stacks.append(Stack(label, opts, args.java, tar, work / f"launcher-{i}"))
                log(f"launcher {label} on {stacks[-1].endpoint} in {stacks[-1].launcher.ready_ms:.0f} ms")
            log(f"concurrency 1: {args.requests} requests per path in {args.rounds} rounds ...")
            c1 = latency(stacks, args, 1, args.requests)
            cn = None
            if args.concurrency:
                log(f"concurrency {args.concurrency}: {args.concurrent_requests} requests per path ...")
                cn = latency(stacks, args, args.concurrency, args.concurrent_requests)
            log(f"cold starts: {args.sessions} new sessions per launcher, alternating ...")
            starts = {stack.label: [] for stack in stacks}
            for _ in range(args.sessions):
                for stack in stacks:
                    time.sleep(1.0)  # let the previous session's process go
                    starts[stack.label].append(cold_start(stack))
        finally:
            for stack in stacks:
                stack.launcher.stop()
    write_report(args, stacks, load_before, os.getloadavg(), c1, cn, starts)


def machine_line(java, before, after):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; {version}; "
            f"Python {platform.python_version()}, botocore {__import__('botocore').__version__}; the client (this "
            f"script, one Python thread per connection) on the same machine; the machine is shared with other "
            f"work: load average {before[0]:.1f} / {before[1]:.1f} / {before[2]:.1f} (1, 5, 15 min) before the run, "
            f"{after[0]:.1f} / {after[1]:.1f} / {after[2]:.1f} after it (it counts the run's own client, launcher "
            f"and agent)")


def latency_rows(label, result, concurrency, target):
    """One row per launcher and percentile: direct, through the data plane, the difference and the ratio."""
    stats, medians = result
    rows = []
    for variant, _ in VARIANTS:
        d, p = stats[(variant, "direct")], stats[(variant, "plane")]
        per_round = [pm - dm for pm, dm in zip(medians[(variant, "plane")], medians[(variant, "direct")])]
        for q in ("p50", "p90", "p99"):
            judged = target and q == "p50"
            rows.append(f"| {label} | {variant} | {q} | {d[q]:.3f} | {p[q]:.3f} | {p[q] - d[q]:+.3f} | "
                        f"{p[q] / d[q]:.2f}x | "
                        + (f"{min(per_round):+.3f} to {max(per_round):+.3f}" if q == "p50" else "") + " | "
                        + (f"< {TARGET_MS:g} ms: {verdict(p[q] - d[q] < TARGET_MS)}" if judged else "") + " |")
    return rows


def write_report(args, stacks, before, after, c1, cn, starts):
    stats = c1[0]
    added = {v: stats[(v, "plane")]["p50"] - stats[(v, "direct")]["p50"] for v, _ in VARIANTS}
    shipped, nagle = VARIANTS[0][0], VARIANTS[1][0]
    lines = [
        "## Local AgentCore: the data plane's added latency and a new session's cold start",
        "",
        f"Produced by `make bench-local` (`scripts/bench-local.sh`) on {time.strftime('%Y-%m-%d')}: "
        f"{machine_line(args.java, before, after)}.",
        f"The hello agent (`{AGENT}`, `AGENT_MODEL_PROVIDER=offline`, prompt \"{PROMPT}\"; its answer streams as",
        "eight SSE events) runs as a Jib image tar (scratch base, arm64, as infra/local-runner's tests build it) served",
        "by `infra/local-agentcore/bin/local-agentcore --image URI=TAR --require-mmdsv2 false`; the runtime is created",
        "with boto3. Two launchers run side by side: as shipped, and with `-Dsun.net.httpserver.nodelay=false` in",
        "`LOCAL_AGENTCORE_JAVA_OPTS` (ready in "
        + " and ".join(f"{stack.launcher.ready_ms:.0f} ms" for stack in stacks) + " here).",
        "Each request is timed from sending to the last byte of the answer, on a keep-alive connection, and every",
        "answer is checked to be a 200 carrying the offline model's whole reply. Directly, it is `POST /invocations`",
        "on the session's own port (the runner's session log names it); through the data plane it is what boto3's",
        "`invoke_agent_runtime` sends (checked once through boto3 itself: it starts the session), SigV4-signed with",
        "botocore's signer before the clock starts, with the same session id, so the same process answers both ways.",
        "The data plane verifies the SigV4 signature (the stack's static key pair), checks the",
        "caller's IAM policies and the runtime, then forwards to the container and streams the answer back.",
        "",
        "### Added latency: the same invocation directly and through the data plane",
        "",
        "| concurrency | launcher | | direct ms | data plane ms | added ms | ratio | added p50 per round | target |",
        "|---|---|---|---|---|---|---|---|---|",
        *latency_rows("1", c1, 1, True),
    ]
    if cn:
        lines += latency_rows(str(args.concurrency), cn, args.concurrency, False)
    lines += [
        "",
        f"Concurrency 1: {stats[(shipped, 'direct')]['n']} requests per path after {args.warmup} warm-up requests,"
        f" in {args.rounds} rounds; each round runs the four paths in turn, the order rotated each round, so that",
        "other load on the machine hits all alike.",
    ]
    if cn:
        lines += [
            f"Concurrency {args.concurrency}: an agent answers one prompt at a time (it refuses a second prompt in a"
            " busy session), so concurrent invocations are concurrent sessions, each its own process as on AgentCore:"
            f" {args.concurrency} sessions per launcher, one client thread and connection per session and path,"
            f" {cn[0][(shipped, 'direct')]['n']} requests per path in the same rounds. The client, both launchers and"
            f" {2 * args.concurrency} agents share {os.cpu_count()} cores, so these figures say as much about the"
            " machine as about the data plane.",
        ]
    lines += [
        "",
        "### A new session's cold start",
        "",
        "| | " + " | ".join(f"launcher {v}: median ms (min to max)" for v, _ in VARIANTS) + " |",
        "|---|" + "---|" * len(VARIANTS),
    ]
    for label, key in (("InvokeAgentRuntime with a new session id to the answer's headers", "first"),
                       ("... to the answer's last byte", "whole"),
                       ("for reference: the session's process spawn to its first 200 on /ping (polled every 5 ms)",
                        "ping"),
                       ("for reference: the JVM's uptime when Spring Boot logs that it started", "jvm")):
        if all(s[key] != s[key] for variant, _ in VARIANTS for s in starts[variant]):
            continue  # NaN throughout: the agent logs no such line (the hello agent no longer runs on Spring Boot)
        cells = []
        for variant, _ in VARIANTS:
            values = [s[key] for s in starts[variant]]
            cells.append(f"{statistics.median(values):.0f} ({min(values):.0f} to {max(values):.0f})")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines += [
        "",
        f"{args.sessions} new sessions per launcher, one at a time, alternating launchers, each stopped",
        "(StopRuntimeSession) before the next; the image was already unpacked (the runner unpacks an image once per",
        "content, at its first session). The spawn is when the runner writes the session's log, just before it",
        "starts the process. Between the spawn's first /ping and the caller's answer lie the runner's own /ping",
        "polling (every 100 ms) and the data plane. The agent starts from Jib's exploded classpath with the image's",
        "JVM flags and no start-up cache; the runtime section above gives the starter's cold start with each",
        "start-up aid (echo agent, `java -jar`).",
        "",
        "### Against the target",
        "",
        f"- Added latency under 1 ms at p50, launcher as shipped: {verdict(added[shipped] < TARGET_MS)} "
        f"({added[shipped]:+.3f} ms at concurrency 1, {stats[(shipped, 'plane')]['p50']:.3f} ms against "
        f"{stats[(shipped, 'direct')]['p50']:.3f} ms directly); with Nagle's algorithm left on (before the fix): "
        f"{verdict(added[nagle] < TARGET_MS)} ({added[nagle]:+.3f} ms).",
    ]
    if added[nagle] - added[shipped] > 20:
        lines += [
            "",
            "Why the launcher sets TCP_NODELAY: the JDK's HTTP server (`com.sun.net.httpserver`) leaves Nagle's",
            "algorithm on for the sockets it accepts unless `sun.net.httpserver.nodelay` is true. The data plane",
            "streams the answer chunk by chunk as the container sends it, so each small chunk after the first waits",
            "until the client acknowledges the one before, and Linux delays that acknowledgement by about 40 ms:",
            "the second launcher shows the stall (this benchmark found it; `ServiceServer` now sets the property).",
        ]
    replace_section(Path(args.report), "local", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
