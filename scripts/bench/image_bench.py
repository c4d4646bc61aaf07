"""Image benchmark: the samples' Jib images started by their own entry point, as the local AgentCore runs them.

The hello agent (agents/samples/hello-agent, offline model) and mcp-echo (mcp-servers/mcp-echo) are built as Jib image
tars (arm64, scratch base, as infra/local-runner's tests build them). infra/local-runner's ImageCommand reads each tar
the way a session does (layers extracted, /app rewritten, the image's JVM flags, the session's environment) and prints
the java command; this script starts that command, changing only the JVM options compared (or, for the Spring rows,
the main class):

- C1 only (-XX:TieredStopAtLevel=1) against default tiered compilation (C1 then C2);
- compact object headers (-XX:+UseCompactObjectHeaders, a product flag since JDK 25): 8-byte object headers instead
  of 12, less heap for the same objects;
- a dynamic class-data archive (-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=...): the first start of a fresh
  machine writes it as the JVM exits, later starts map it. Both are measured: AgentCore's every session is a fresh
  microVM, so only an archive baked into the image at build time would help there;
- a JDK AOT cache (JDK 24+, -XX:AOTCache) made by a training run that serves one request: what a build-time training
  run on the target architecture would bake into the image.

Both images start without Spring: the agents on agents/agentcore-runtime, mcp-echo on LeanEchoServer. The Spring path
is measured beside them: mcp-echo's image still holds its Spring server (EchoServerApplication), started by the same
command with that main class; the agents' Spring image is gone, so the runtime starter's echo app
(agents/benchmarks/echo-agent, Spring Boot, extracted) stands for it with the image's flags, beside the same handler on
the lean core (LeanEchoAgent).

Measures cold start (process start to the first 200 on /ping, or the first initialize), resident memory one second
after start, and throughput with peak memory at concurrency 64. Writes the image section of docs/benchmarks.md.
"""
import argparse
import http.client
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchlib import (ROOT, Server, extract, interleaved_cold_starts, log, machine, peak_rss_during, ping_ok,
                      replace_section, require, rss_mb, wrk)
import mcp_bench

C1_ONLY = "-XX:TieredStopAtLevel=1"
COMPACT_HEADERS = "-XX:+UseCompactObjectHeaders"
MODULES = {"hello-agent": "agents/samples/hello-agent", "mcp-echo": "mcp-servers/mcp-echo"}
# mcp-echo's image holds both servers: the one it does not start is measured beside the one it does.
MCP_MAINS = ("dev.agentcore.mcp.echo.LeanEchoServer", "dev.agentcore.mcp.echo.EchoServerApplication")
ECHO_AGENT_JAR = ROOT / "agents/benchmarks/echo-agent/target/echo-agent.jar"
RUNNER = ROOT / "infra/local-runner"
PROMPT = json.dumps({"prompt": "What is VO2 max?"})
CONCURRENCY = 64


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", required=True)
    parser.add_argument("--seconds", type=int, default=10, help="length of each load step")
    parser.add_argument("--starts", type=int, default=5, help="cold starts to take the median of")
    parser.add_argument("--report", default=str(ROOT / "docs/benchmarks.md"))
    parser.add_argument("--only", choices=list(MODULES), help="measure one image (the report then has only it)")
    return parser.parse_args()


def mvn(java, *args):
    env = {**os.environ, "JAVA_HOME": str(Path(java).resolve().parents[1])}
    done = subprocess.run([str(ROOT / "mvnw"), "-B", "-ntp", "-o", "-q", "-f", str(ROOT / "pom.xml"), *args],
                          capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise SystemExit(f"mvnw {' '.join(args)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def build_tar(java, module, out):
    """The module's Jib image tar, arm64 on a scratch base: its own layers, entry point, flags and environment. Built
    with the modules it depends on (-am, only it containerized), as test-support's JibImages does: with -pl alone the
    image would hold whatever libraries another build last installed in the shared local repository."""
    tar = out / f"{Path(module).name}.tar"
    mvn(java, "-pl", module, "-am", "package", "-DskipTests", "jib:buildTar", f"-Djib.containerize=:{Path(module).name}",
        "-Djib.from.image=scratch",
        "-Djib.from.platforms=linux/arm64", f"-Djib.outputPaths.tar={tar}",
        *[f"-Djib.outputPaths.{what}={out / (Path(module).name + '.' + what)}"
          for what in ("digest", "imageId", "imageJson")])
    require(tar, hint=f"jib:buildTar of {module} wrote no tar")
    return tar


def image_command(java, classpath, tar, work):
    """infra/local-runner's ImageCommand: {"command": [...], "environment": {...}, "directory": "..."}."""
    done = subprocess.run([java, "-cp", classpath, "dev.agentcore.local.runner.ImageCommand", str(tar), str(work),
                           "0"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr.strip() or f"ImageCommand exited with {done.returncode}")
    return json.loads(done.stdout)


def with_flags(command, c1_only, extra=(), compact_headers=False, main_class=None):
    """The image's command with C1 only or tiered compilation, compact object headers or not, extra JVM options after
    the image's own, and another main class if given (the last argument: the images pass the main none)."""
    java, rest = command[0], [a for a in command[1:] if a not in (C1_ONLY, COMPACT_HEADERS)]
    if main_class:
        rest = [*rest[:-1], main_class]
    return [java, *([C1_ONLY] if c1_only else []), *([COMPACT_HEADERS] if compact_headers else []), *extra, *rest]


def shipped(command, flag):
    return flag in command[1:]


def image_server(name, spec, argv, ready, probe, env_extra, before=None):
    def argv_for_port(port):
        if before:
            before()
        return argv

    def env(port):
        return {**spec["environment"], **env_extra, "PORT": str(port), "SERVER_PORT": str(port)}

    return Server(name, argv_for_port, ready, probe, env, spec["directory"])


def invoke(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("POST", "/invocations", PROMPT, {"Content-Type": "application/json"})
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    if response.status != 200 or "[offline " not in body:  # the offline model streams its echo
        raise SystemExit(f"/invocations on port {port} answered {response.status}: {body[:300]}")


class Subject:
    """One image: how to tell it is ready, how to exercise it, and how to load it."""

    def __init__(self, name, ready, probe, exercise, env_extra, mains=()):
        self.name, self.ready, self.probe, self.exercise, self.env_extra = name, ready, probe, exercise, env_extra
        self.mains = mains

    def other_main(self, command):
        """The entry point of this image that its command does not start, if it has two."""
        return next((main for main in self.mains if main != command[-1]), None)

    def load(self, server, seconds, work):
        if self.name == "mcp-echo":
            measured = mcp_bench.load(server, seconds, work, CONCURRENCY)
            return {"rss_idle": measured["rss_idle"], "rps": measured["cn"][0], "p99": measured["cn"][2],
                    "rss_peak": measured["rss_peak"]}
        lua = work / "hello.lua"
        lua.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                       f"wrk.body = {json.dumps(PROMPT)}\n")
        server.start()
        try:
            url = f"http://127.0.0.1:{server.port}/invocations"
            rss_idle = rss_mb(server.proc.pid)
            invoke(server.port)
            wrk(url, 16, 5, str(lua))  # warm-up, not reported
            (rps, _, p99), peak = peak_rss_during(server.proc.pid, lambda: wrk(url, CONCURRENCY, seconds, str(lua)))
            invoke(server.port)  # still answering correctly after the load
            return {"rss_idle": rss_idle, "rps": rps, "p99": p99, "rss_peak": peak}
        finally:
            server.stop()


SUBJECTS = [
    Subject("hello-agent", ping_ok, "/ping", invoke, {"AGENT_MODEL_PROVIDER": "offline"}),
    Subject("mcp-echo", mcp_bench.initialized, "initialize", mcp_bench.check, {}, mains=MCP_MAINS),
]


def train_aot(subject, spec, c1_only, cache, compact_headers=False, main_class=None):
    """A training run of the image's command: start, serve one request, stop; the JVM writes the cache as it exits.
    The cache is only valid for the flags it was trained with (compact headers included)."""
    server = image_server("training", spec, with_flags(spec["command"], c1_only, [f"-XX:AOTCacheOutput={cache}"],
                                                       compact_headers, main_class),
                          subject.ready, subject.probe, subject.env_extra)
    server.start()
    try:
        subject.exercise(server.port)
    finally:
        server.proc.terminate()
        server.proc.wait(300)
    require(cache, hint="the AOT training run wrote no cache")


def variants(subject, spec, work):
    """(label, server) of the launches compared for one image; "C1 only" is the image as it ships."""
    launches = []
    server = lambda name, argv, before=None: image_server(name, spec, argv, subject.ready, subject.probe,
                                                          subject.env_extra, before)
    headers = shipped(spec["command"], COMPACT_HEADERS)
    for c1_only, compiler in ((True, "C1 only"), (False, "tiered (C2 kept)")):
        tag = "c1" if c1_only else "c2"
        jsa = work / f"{subject.name}-{tag}.jsa"
        aot = work / f"{subject.name}-{tag}.aot"
        train_aot(subject, spec, c1_only, aot, headers)
        dynamic = [f"-XX:SharedArchiveFile={jsa}", "-XX:+AutoCreateSharedArchive"]
        flags = lambda extra=(): with_flags(spec["command"], c1_only, extra, headers)
        launches += [
            (f"{compiler}", server(tag, flags())),
            (f"{compiler}, dynamic CDS, first start (no archive yet: a fresh microVM)",
             server(f"{tag}-cds-first", flags(dynamic), lambda p=jsa: p.unlink(missing_ok=True))),
            (f"{compiler}, dynamic CDS, later start (archive written by an earlier exit)",
             server(f"{tag}-cds", flags(dynamic))),
            (f"{compiler}, AOT cache from a training run", server(f"{tag}-aot", flags([f"-XX:AOTCache={aot}"]))),
        ]
    # Compact object headers the other way round from the image (C1 only, as shipped otherwise), with and without an
    # AOT cache trained the same way.
    other = not headers
    aot = work / f"{subject.name}-c1-headers.aot"
    train_aot(subject, spec, True, aot, other)
    mark = "compact object headers" if other else "without compact object headers"
    launches += [
        (f"C1 only, {mark}", server("c1-headers", with_flags(spec["command"], True, (), other))),
        (f"C1 only, {mark}, AOT cache from a training run",
         server("c1-headers-aot", with_flags(spec["command"], True, [f"-XX:AOTCache={aot}"], other))),
    ]
    other_main = subject.other_main(spec["command"])
    if other_main:
        aot = work / f"{subject.name}-other-main.aot"
        train_aot(subject, spec, True, aot, headers, other_main)
        entry = f"entry point {other_main.rsplit('.', 1)[1]} instead of the image's"
        launches += [
            (f"C1 only, {entry}", server("other-main", with_flags(spec["command"], True, (), headers, other_main))),
            (f"C1 only, {entry}, AOT cache from a training run",
             server("other-main-aot", with_flags(spec["command"], True, [f"-XX:AOTCache={aot}"], headers, other_main))),
        ]
    return launches


def echo_agents(java, spec, work):
    """For reference where the Spring image is gone: the runtime starter's echo app (Spring Boot, extracted) and the same
    handler on the lean core, both with the hello agent image's JVM flags. Cold start and memory only."""
    require(ECHO_AGENT_JAR, hint="run `make bench-image` (it builds agents/benchmarks/echo-agent)")
    jar = extract(java, ECHO_AGENT_JAR, work / "echo-agent")
    flags = [a for a in spec["command"][1:] if a.startswith("-X")]
    env = lambda port: {"PATH": os.environ.get("PATH", ""), "SERVER_PORT": str(port), "SERVER_ADDRESS": "127.0.0.1"}
    spring = Server("spring-echo", lambda port: [java, *flags, "-jar", str(jar), "--logging.level.root=WARN"],
                    ping_ok, "/ping", env)
    lean = Server("lean-echo", lambda port: [java, *flags, "-cp", str(jar), "dev.agentcore.bench.echo.LeanEchoAgent",
                                             str(port)], ping_ok, "/ping", env)
    return [("for reference: the runtime starter's echo app on Spring Boot (echo-agent), image flags", spring),
            ("for reference: the same echo handler on the lean core (LeanEchoAgent), image flags", lean)]


def main():
    args = arguments()
    java = args.java
    require(RUNNER / "target/classes", hint="run `make bench-image` (it builds what is needed)")
    with tempfile.TemporaryDirectory(prefix="bench-image-") as tmp:
        work = Path(tmp)
        mvn(java, "-pl", str(RUNNER.relative_to(ROOT)), "dependency:build-classpath", "-Dmdep.includeScope=runtime",
            f"-Dmdep.outputFile={work / 'cp.txt'}")
        classpath = f"{RUNNER / 'target/classes'}:{(work / 'cp.txt').read_text().strip()}"
        results = {}
        for subject in [s for s in SUBJECTS if args.only in (None, s.name)]:
            log(f"{subject.name}: image tar ...")
            tar = build_tar(java, MODULES[subject.name], work)
            spec = image_command(java, classpath, tar, work / f"{subject.name}-runner")
            launches = variants(subject, spec, work)
            if subject.name == "hello-agent":
                launches += echo_agents(java, spec, work)
            # The dynamic archive exists once the first later-start round ran: warm it once before measuring.
            for label, server in launches:
                if "later start" in label:
                    server.start()
                    server.stop()
            log(f"{subject.name}: cold starts (interleaved) ...")
            starts = interleaved_cold_starts([s for _, s in launches], args.starts)
            log(f"{subject.name}: load ...")
            loads = {label: subject.load(server, args.seconds, work) for label, server in launches
                     if "dynamic" not in label and not label.startswith("for reference")}
            results[subject.name] = (spec, list(zip([l for l, _ in launches], starts)), loads)
    write_report(args, results)


# Fixed text: the reasoning the numbers above feed, and what cannot be measured on this x86 machine.
ENTRY_POINTS = [
    "The images start **without Spring** (issue 14): the agents (hello-agent, fitness-coach-agent) are plain mains on",
    "agents/agentcore-runtime and the agent kit, configured by environment variables only (`AGENT_MODEL_*`,",
    "`SERVER_ADDRESS`, `SERVER_PORT`, as the Spring starters read them), and mcp-echo's image starts `LeanEchoServer`",
    "(mcp-lean-server) instead of `EchoServerApplication`, which the rows \"entry point EchoServerApplication instead",
    "of the image's\" measure in the same image. The agents' Spring image is gone, so the runtime starter's echo app",
    "stands for the Spring path beside the same handler on the lean core (\"for reference\" rows: a smaller app than",
    "the hello agent, the same JVM flags).",
    "",
    "Before, measured by this benchmark on 2026-12-05 on the Spring images (same machine, same flags, JDK 25):",
    "hello-agent C1 only 2112 ms and 154 MB after start, with an AOT cache 1458 ms and 103 MB (tiered 6880 ms, 169 MB);",
    "mcp-echo (`EchoServerApplication`) C1 only 2226 ms and 191 MB, with an AOT cache 1024 ms and 132 MB.",
]

DECISION = [
    "The images ship **C1 only** (`-XX:TieredStopAtLevel=1`, with `-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -Xss512k`).",
    "AgentCore starts a new microVM, so a new JVM, for every session and bills its memory by the second: a session",
    "pays the cold start and carries its resident memory for its whole life, and it serves one user's requests, far",
    "from the tens of thousands a C2 compiler needs before it pays back. C2's extra throughput only shows at a",
    "concurrency one session never sees (the lean benchmark measured it there), while its compiler threads, code",
    "cache and profiling cost start-up time and memory in every session. Once warm, tiered may answer more requests",
    "per second at concurrency 64 (see the rows above); C1 only still answers thousands per second per process,",
    "far above what one session sends. A server that serves many callers from one long-lived process",
    "(not AgentCore's model) should drop the flag.",
    "",
    "Compact object headers (`-XX:+UseCompactObjectHeaders`, a product flag since JDK 25) would ship only if they",
    "saved memory without costing cold start; the verdict line above compares them with the image as built. The",
    "resident memory of these small servers is mostly class metadata, code and the mapped class data, not heap",
    "objects, which is all the flag makes smaller.",
    "",
    "The images are containerized `packaged` (the application as a jar in `/app/classpath`): with Jib's default",
    "`classes/` and `resources/` folders on the class path the JVM refuses to write a class-data or AOT archive",
    "(`Error: non-empty directory '.../app/resources'`), so no cache could ever be made for them.",
    "",
    "No archive is baked into the image, and no archive flag is set, for these reasons:",
    "- A dynamic archive (`-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=...`) helps only the second start of",
    "  the same machine: on AgentCore every session is a fresh microVM, so every start is the first start above, which",
    "  gains nothing and pays the archive's dump as the JVM exits (and `/app` is not writable by the image's user",
    "  1000). On the local AgentCore sessions run on one host, where it would help from the second session on.",
    "- A CDS or AOT archive is only valid for the JVM build, the class path and the CPU architecture it was made",
    "  with: one trained here (x86-64, the host's JDK) is of no use in the arm64 image, and a flag naming a missing",
    "  or mismatched archive prints an error at every start. The AOT cache (`-XX:AOTCache`) needs JDK 24 or newer:",
    "  the images build from `eclipse-temurin:25-jre`, the JDK this benchmark runs their entry points on here.",
    "- How the AWS deploy can bake one (not built here: it needs an arm64 machine with a container engine): after",
    "  `jib:build` pushes the image, an arm64 build host (CodeBuild `ARM_CONTAINER`, or a Graviton instance) runs",
    "  the image's own entry point with `-XX:AOTCacheOutput=/app/app.aot`, serves one `/ping` and one invocation",
    "  (`initialize` and one `tools/call` for an MCP server), stops it, adds the file as a layer over the pushed image",
    "  (`FROM <image>` + `COPY app.aot /app/`) with `-XX:AOTCache=/app/app.aot` in the java command, and pushes",
    "  that. The rows \"AOT cache from a training run\" above are what it would buy, measured the same way on this",
    "  machine's architecture.",
    "- Locally the runner runs the image on the host's JDK, not the image's: an archive baked for arm64 would be",
    "  refused there anyway (the JVM checks and falls back to no archive), so the local path stays without one.",
]


def headers_verdict(shipped_with, image, other):
    """Whether the compact-headers rows support the image's choice: (cold start ms, RSS MB, peak MB) of each."""
    with_, without = (image, other) if shipped_with else (other, image)
    saves = with_[1] < without[1] - 1 and with_[2] < without[2] - 1
    costs = with_[0] > without[0] * 1.05
    keep = saves and not costs
    said = (f"save memory ({without[1]:.0f} to {with_[1]:.0f} MB after start, {without[2]:.0f} to {with_[2]:.0f} MB"
            f" under load)" if saves else f"save no memory here ({without[1]:.0f} against {with_[1]:.0f} MB after"
            f" start, {without[2]:.0f} against {with_[2]:.0f} MB under load)")
    said += f" and {'cost' if costs else 'do not cost'} cold start ({without[0]:.0f} against {with_[0]:.0f} ms)"
    agrees = keep == shipped_with
    return (f"compact object headers {said}: {'kept' if keep else 'not set'}"
            + ("" if agrees else " by this run, which disagrees with the image's flags: reconsider them"))


def write_report(args, results):
    lines = [
        "## The images as shipped: JVM flags and start-up caches, measured on the image's own entry point",
        "",
        f"Produced by `make bench-image` on {time.strftime('%Y-%m-%d')}: {machine(args.java)}.",
        "Each sample's Jib image tar (arm64, scratch base) is read by infra/local-runner's `ImageCommand` as a session",
        "reads it: its layers, its java command and JVM flags, its environment, on the host's JDK. Only the options",
        f"named in each row change. Cold starts are interleaved, the median of {args.starts} rounds; load is wrk at",
        f"concurrency {CONCURRENCY} for {args.seconds} s after a 5 s warm-up (JSON invocation of the offline model for the",
        "hello agent, tools/call echo for mcp-echo). The machine is shared: read ratios, not absolute numbers.",
    ]
    for name, (spec, starts, loads) in results.items():
        flags = [a for a in spec["command"][1:] if a.startswith("-X")]
        lines += [
            "",
            f"### {name} (image flags: `{' '.join(flags)}`)",
            "",
            "| launch | cold start ms | RSS after start MB | requests/s c64 | p99 ms c64 | peak RSS under load MB |",
            "|---|---|---|---|---|---|",
        ]
        for label, (ms, mb) in starts:
            load = loads.get(label)
            tail = f"{load['rps']:,.0f} | {load['p99']:.1f} | {load['rss_peak']:.0f}" if load else "not loaded | |"
            lines.append(f"| {label} | {ms:.0f} | {mb:.0f} | {tail} |")
    lines += ["", "### What ships, and why", ""]
    for name, (spec, starts, loads) in results.items():
        by = dict(starts)
        c1, c2 = by["C1 only"], by["tiered (C2 kept)"]
        c1_aot, c2_aot = by["C1 only, AOT cache from a training run"], by["tiered (C2 kept), AOT cache from a training run"]
        rps = lambda label: loads[label]["rps"]
        peak = lambda label: loads[label]["rss_peak"]
        lines.append(
            f"- {name}: C1 only against tiered, as shipped (no cache): cold start {c1[0]:.0f} against {c2[0]:.0f} ms, "
            f"RSS {c1[1]:.0f} against {c2[1]:.0f} MB, {rps('C1 only'):,.0f} against {rps('tiered (C2 kept)'):,.0f} "
            f"requests/s at concurrency {CONCURRENCY}; with an AOT cache {c1_aot[0]:.0f} against {c2_aot[0]:.0f} ms "
            f"and {c1_aot[1]:.0f} against {c2_aot[1]:.0f} MB.")
        headers = next(label for label in by if "compact object headers" in label and "AOT" not in label)
        with_headers = shipped(spec["command"], COMPACT_HEADERS)
        lines.append(
            f"- {name}: the image ({'with' if with_headers else 'without'} compact object "
            f"headers) against \"{headers}\": cold start {c1[0]:.0f} against {by[headers][0]:.0f} ms, RSS after start "
            f"{c1[1]:.0f} against {by[headers][1]:.0f} MB, peak under load {peak('C1 only'):.0f} against "
            f"{peak(headers):.0f} MB; with an AOT cache {c1_aot[0]:.0f} against "
            f"{by[headers + ', AOT cache from a training run'][0]:.0f} ms. Verdict: "
            + headers_verdict(with_headers, (*c1, peak("C1 only")), (*by[headers], peak(headers))) + ".")
        other = next((label for label in by if "instead of the image's" in label and "AOT" not in label), None)
        if other:
            lines.append(
                f"- {name}: the image's entry point (`{spec['command'][-1].rsplit('.', 1)[1]}`) against \"{other}\": "
                f"cold start {c1[0]:.0f} against {by[other][0]:.0f} ms, RSS {c1[1]:.0f} against {by[other][1]:.0f} MB, "
                f"peak under load {peak('C1 only'):.0f} against {peak(other):.0f} MB; with an AOT cache {c1_aot[0]:.0f} "
                f"against {by[other + ', AOT cache from a training run'][0]:.0f} ms.")
    lines += [""] + ENTRY_POINTS + [""] + DECISION
    replace_section(Path(args.report), "image", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
