"""What the side-by-side benchmarks (runtime_bench.py, mcp_bench.py) share: starting a server on a free port and
timing it until it is ready, resident memory, wrk runs, the JVM launch variants and their training step, the
machine description, and rewriting one section of docs/benchmarks.md. Standard library only.
"""
import argparse
import http.client
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


# Why a Spring Boot server misses the cold start and memory targets, for both reports.
JVM_FIXED_COST = [
    "Where cold start or memory misses, the gap is the JVM's and Spring Boot's fixed cost, paid once per process",
    "whatever the request path costs: class loading and linking and Tomcat's start for the former; the heap",
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
    OSError while nothing listens yet); probe names it in error messages ("/ping", "initialize").
    """

    def __init__(self, name, argv_for_port, ready, probe, env=None):
        self.name, self.argv_for_port, self.ready, self.probe, self.env = name, argv_for_port, ready, probe, env
        self.proc, self.port = None, None

    def start(self):
        self.port = free_port()
        started = time.perf_counter()
        self.proc = subprocess.Popen(self.argv_for_port(self.port), stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, env=self.env)
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

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def ping_ok(port):
    """The AgentCore runtime contract's health check: GET /ping answers 200."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    conn.request("GET", "/ping")
    return conn.getresponse().status == 200


def java_server(name, java, extra, jar, ready, probe, app_args=()):
    """A Spring Boot jar on the given port, logging warnings only (the log is discarded anyway)."""
    return Server(name, lambda port: [java, *extra, "-jar", str(jar), f"--server.port={port}",
                                      "--logging.level.root=WARN", *app_args], ready, probe)


def extract_with_cds(java, jar, workdir, app_args=()):
    """The Spring Boot recipe: extract the jar, then a training run writes the class data sharing archive
    (workdir/app.jsa) and another the JDK AOT cache (workdir/app.aot). Returns the extracted jar."""
    subprocess.run([java, "-Djarmode=tools", "-jar", str(jar), "extract", "--destination", str(workdir)],
                   check=True, capture_output=True)
    extracted = workdir / jar.name
    subprocess.run([java, *TUNED, f"-XX:ArchiveClassesAtExit={workdir / 'app.jsa'}",
                    "-Dspring.context.exit=onRefresh", "-jar", str(extracted), *app_args], check=True,
                   capture_output=True)
    subprocess.run([java, *TUNED, f"-XX:AOTCacheOutput={workdir / 'app.aot'}",
                    "-Dspring.context.exit=onRefresh", "-jar", str(extracted), *app_args], check=True,
                   capture_output=True)
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
    ]


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
