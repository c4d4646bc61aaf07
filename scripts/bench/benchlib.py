"""What the side-by-side benchmarks (runtime_bench.py, mcp_bench.py) share: starting a server on a free port and
timing it until it is ready, resident memory, wrk runs, the JVM launch variants and their training step, the
machine description, and rewriting one section of docs/benchmarks.md. Standard library only.
"""
import argparse
import http.client
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv/bin/python"

# The JVM options we recommend for AgentCore (also in the samples' Jib configuration): a small heap and
# the serial collector because AgentCore bills memory, C1 only because agents are I/O bound.
TUNED = ["-XX:+UseSerialGC", "-Xmx64m", "-Xss512k", "-XX:TieredStopAtLevel=1",
         "-XX:ReservedCodeCacheSize=24m", "-XX:MaxMetaspaceSize=96m"]

# Runs the application context Spring Boot's process-aot goal generated at build time (the jar must hold it:
# see the echo agent's and mcp-echo's poms) instead of parsing configuration classes and evaluating conditions.
SPRING_AOT = "-Dspring.aot.enabled=true"


# Why a Spring Boot server misses the cold start and memory targets, for both reports.
JVM_FIXED_COST = [
    "Where cold start or memory misses, the gap is the JVM's and Spring Boot's fixed cost, paid once per process",
    "whatever the request path costs: class loading and linking and the context refresh for the former; the heap",
    "(up to -Xmx64m), the class data the AOT cache maps in, metaspace, code cache and thread stacks for the",
    "latter. The step table shows what the JVM's own start-up aids buy. A native image (GraalVM) would close",
    "most of it but cannot be built on this machine.",
]


def arguments(target, jar):
    """The options both server benchmarks take; checks that `make <target>` has built what they run."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True)
    parser.add_argument("--seconds", type=int, default=10, help="length of each load step")
    parser.add_argument("--starts", type=int, default=5, help="cold starts to take the median of")
    parser.add_argument("--report", default=str(ROOT / "docs/benchmarks.md"))
    args = parser.parse_args()
    require(jar, PYTHON, hint=f"run `make {target}` (it builds and installs what is needed)")
    return args


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class Server:
    """One server process on a free loopback port; start() returns the cold start in ms.

    ready(port) is the readiness probe: True once the server answers as a client needs it to (it may raise
    OSError while nothing listens yet); probe names it in error messages ("/ping", "initialize"). env is the
    environment, or a function of the port giving it (for servers that read their port from the environment).
    """

    def __init__(self, name, argv_for_port, ready, probe, env=None, cwd=None):
        self.name, self.argv_for_port, self.ready, self.probe, self.env = name, argv_for_port, ready, probe, env
        self.cwd = cwd
        self.proc, self.port = None, None

    def start(self):
        self.port = free_port()
        argv = self.argv_for_port(self.port)
        env = self.env(self.port) if callable(self.env) else self.env
        started = self.started = time.perf_counter()
        self.proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                     cwd=self.cwd)
        deadline = started + 60
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"{self.name} exited with {self.proc.returncode} before answering {self.probe}")
            try:
                if self.ready(self.port):
                    return (time.perf_counter() - started) * 1000
            except (OSError, http.client.HTTPException):
                time.sleep(0.005)
        raise SystemExit(f"{self.name} did not answer {self.probe} within 60 s")

    def stop(self, grace=15):
        """SIGTERM, then SIGKILL after grace seconds (a JVM writing its AOT cache as it exits needs minutes)."""
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def invocation_request(payload):
    """The bytes of a POST /invocations of payload (as JSON) on a connection that closes after the answer."""
    body = json.dumps(payload).encode()
    return (b"POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


def read_to_first_event(sock, who="the stream"):
    """Reads from sock until the first `data:` bytes of a server-sent event; returns all read so far."""
    seen = b""
    while b"data:" not in seen:
        chunk = sock.recv(65536)
        if not chunk:
            raise SystemExit(f"{who} ended before its first event: {seen[:300]!r}")
        seen += chunk
    return seen


def ping_ok(port):
    """The AgentCore runtime contract's health check: GET /ping answers 200."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    conn.request("GET", "/ping")
    return conn.getresponse().status == 200


def java_server(name, java, extra, jar, ready, probe, app_args=()):
    """A Spring Boot jar on the given port, logging warnings only (the log is discarded anyway)."""
    return Server(name, lambda port: [java, *extra, "-jar", str(jar), f"--server.port={port}",
                                      "--logging.level.root=WARN", *app_args], ready, probe)


def extract(java, jar, workdir):
    """The Spring Boot jar extracted (the application jar, whose manifest lists lib/); returns the application jar."""
    if not (workdir / jar.name).exists():
        subprocess.run([java, "-Djarmode=tools", "-jar", str(jar), "extract", "--destination", str(workdir)],
                       check=True, capture_output=True)
    return workdir / jar.name


def extract_with_cds(java, jar, workdir, app_args=()):
    """The Spring Boot recipe: extract the jar, then training runs write the class data sharing archive
    (workdir/app.jsa), the JDK AOT cache (workdir/app.aot) and the JDK AOT cache of the Spring-AOT-processed
    context (workdir/app-spring-aot.aot). Returns the extracted jar."""
    extracted = extract(java, jar, workdir)
    train = lambda *flags: subprocess.run([java, *TUNED, *flags, "-Dspring.context.exit=onRefresh", "-jar",
                                           str(extracted), *app_args], check=True, capture_output=True)
    train(f"-XX:ArchiveClassesAtExit={workdir / 'app.jsa'}")
    train(f"-XX:AOTCacheOutput={workdir / 'app.aot'}")
    train(SPRING_AOT, f"-XX:AOTCacheOutput={workdir / 'app-spring-aot.aot'}")
    return extracted


def java_variants(java, jar, workdir, ready, probe, app_args=()):
    """The launches whose cold start is compared, each adding one start-up aid: (label, server, base), where
    base is the index of the launch it adds to (None for the first)."""
    extracted = extract_with_cds(java, jar, workdir, app_args)
    server = lambda name, extra, path: java_server(name, java, extra, path, ready, probe, app_args)
    return [
        ("java -jar, default JVM", server("default", [], jar), None),
        ("tuned JVM flags", server("tuned", TUNED, jar), 0),
        ("tuned + extracted jar + AppCDS",
         server("cds", TUNED + [f"-XX:SharedArchiveFile={workdir / 'app.jsa'}"], extracted), 1),
        ("tuned + extracted jar + JDK AOT cache",
         server("aot", TUNED + [f"-XX:AOTCache={workdir / 'app.aot'}"], extracted), 1),
        ("tuned + extracted jar + Spring AOT + JDK AOT cache",
         server("spring-aot", TUNED + [SPRING_AOT, f"-XX:AOTCache={workdir / 'app-spring-aot.aot'}"], extracted), 3),
    ]


# The index in java_variants of the fastest Spring launch: the one the load steps and the lean sections compare.
SPRING_BEST = 4


def cold_starts(server, runs):
    """Median cold start (ms) and median resident memory one second after start (MB)."""
    times, rss = [], []
    for _ in range(runs):
        try:
            times.append(server.start())
            time.sleep(1.0)
            rss.append(rss_mb(server.proc.pid))
        finally:
            server.stop()
    return statistics.median(times), statistics.median(rss)


def wrk(url, connections, seconds, lua):
    """One wrk run: (requests/s, p50 ms, p99 ms). Fails on any non-2xx response, and on any response the Lua
    script counted as invalid (a script may print `invalid responses: N` from its done())."""
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", lua, url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    pct = {m.group(1): to_ms(m.group(2)) for m in re.finditer(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M)}
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"wrk saw {errors.group(1)} non-2xx responses:\n{out}")
    invalid = re.search(r"invalid responses: (\d+)", out)
    if invalid and int(invalid.group(1)):
        raise SystemExit(f"wrk saw {invalid.group(1)} invalid responses:\n{out}")
    return rps, pct["50"], pct["99"]


def to_ms(value):
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def peak_rss_during(pid, action):
    """(action's result, peak resident memory in MB of pid while it ran), sampled every 50 ms."""
    peak, done = [0.0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        result = action()
    finally:
        done.set()
        sampler.join()
    return result, peak[0]


def machine(java):
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    return (f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; "
            f"{version.splitlines()[0]}; Python {platform.python_version()}; load from wrk -t1 on the same machine; "
            f"1-minute load average when the report was written {os.getloadavg()[0]:.1f}")


def verdict(ok):
    return "met" if ok else "**missed**"


def replace_section(report, area, body):
    """Rewrites the <!-- BEGIN area --> ... <!-- END area --> section of report (appending it when absent)."""
    begin, end = f"<!-- BEGIN {area} -->", f"<!-- END {area} -->"
    text = report.read_text() if report.exists() else "# Benchmarks\n"
    if begin not in text:
        text = text.rstrip() + f"\n\n{begin}\n{end}\n"
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    tmp = report.with_suffix(".tmp")
    tmp.write_text(f"{head}{begin}\n{body}\n{end}{tail}")
    tmp.replace(report)


def require(*paths, hint):
    for needed in paths:
        if not needed.exists():
            raise SystemExit(f"missing {needed}: {hint}")


def log(message):
    print(message, file=sys.stderr, flush=True)


# The lean servers (no framework) measured with and without the C2 compiler: C1 only starts a little faster, C2
# answers more requests per second once warm; the benchmark shows both so that the choice is measured.
LEAN_SMALL = ["-XX:+UseSerialGC", "-Xmx64m", "-Xss512k", "-XX:MaxMetaspaceSize=64m"]
LEAN_C1 = LEAN_SMALL + ["-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=24m"]


def lean_server(name, java, extra, classpath, main_class, ready, probe):
    """A framework-free main class from the extracted jar (its manifest's Class-Path names the libraries); the
    port is its first argument."""
    return Server(name, lambda port: [java, *extra, "-cp", str(classpath), main_class, str(port)], ready, probe)


def train_lean_aot(java, extra, classpath, main_class, ready, exercise, cache):
    """The JDK AOT cache of a lean main class: a training run that starts it, serves `exercise(port)` (so that what a
    request loads is in the cache too), then stops it; the JVM writes the cache as it exits."""
    server = Server("training", lambda port: [java, *extra, f"-XX:AOTCacheOutput={cache}", "-cp", str(classpath),
                                              main_class, str(port)], ready, "training")
    server.start()
    try:
        exercise(server.port)
    finally:
        # The JVM assembles the cache as it exits (a second JVM on JDK 25): give it time, a loaded machine is slow.
        server.proc.terminate()
        try:
            server.proc.wait(300)
        except subprocess.TimeoutExpired:
            server.proc.kill()
    require(Path(cache), hint="the AOT training run wrote no cache")


def lean_variants(java, extracted, main_class, workdir, ready, probe, exercise):
    """The lean launches compared, each adding one aid or flag: (label, server, base index)."""
    server = lambda name, extra: lean_server(name, java, extra, extracted, main_class, ready, probe)
    c1_cache, c2_cache = workdir / "lean-c1.aot", workdir / "lean-c2.aot"
    train_lean_aot(java, LEAN_C1, extracted, main_class, ready, exercise, c1_cache)
    train_lean_aot(java, LEAN_SMALL, extracted, main_class, ready, exercise, c2_cache)
    return [
        ("lean, default JVM", server("lean-default", []), None),
        ("lean, SerialGC -Xmx64m -Xss512k", server("lean-small", LEAN_SMALL), 0),
        ("lean, + C1 only", server("lean-c1", LEAN_C1), 1),
        ("lean, SerialGC -Xmx64m -Xss512k + AOT cache (C2 kept)",
         server("lean-c2-aot", LEAN_SMALL + [f"-XX:AOTCache={c2_cache}"]), 1),
        ("lean, + C1 only + AOT cache", server("lean-c1-aot", LEAN_C1 + [f"-XX:AOTCache={c1_cache}"]), 2),
    ]


def interleaved_cold_starts(servers, runs):
    """cold_starts for several servers, one of each per round, so that a change in the machine's load over the run
    falls on all of them alike. Returns [(median ms, median MB)] in the order given."""
    times, rss = [[] for _ in servers], [[] for _ in servers]
    for _ in range(runs):
        for i, server in enumerate(servers):
            try:
                times[i].append(server.start())
                time.sleep(1.0)
                rss[i].append(rss_mb(server.proc.pid))
            finally:
                server.stop()
    return [(statistics.median(t), statistics.median(r)) for t, r in zip(times, rss)]
