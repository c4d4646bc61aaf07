"""Runtime benchmark: the Java starter (agents/benchmarks/echo-agent) against the Python SDK's
BedrockAgentCoreApp (scripts/bench/echo_agent.py), same handler, same machine, same run.

Measures cold start (process start to the first 200 on /ping), resident memory after start and under
load, JSON invocation throughput and latency at concurrency 1 and 64 (wrk), and time to the first SSE
event. Writes the runtime section of docs/benchmarks.md. Standard library only.
"""
import http.client
import json
import socket
import statistics
import tempfile
import time
from pathlib import Path

from benchlib import (JVM_FIXED_COST, SPRING_BEST, arguments, PYTHON, ROOT, Server, interleaved_cold_starts,
                      invocation_request, java_variants, lean_variants, log, machine, peak_rss_during, ping_ok,
                      read_to_first_event, replace_section, rss_mb, verdict, wrk)

JAR = ROOT / "agents/benchmarks/echo-agent/target/echo-agent.jar"
PY_APP = ROOT / "scripts/bench/echo_agent.py"
PAYLOAD = json.dumps({"prompt": "What is VO2 max?", "session": "bench", "n": 42})
LEAN_MAIN = "dev.agentcore.bench.echo.LeanEchoAgent"


def exercise(port):
    """What the AOT training run serves: a JSON invocation and a stream, so that what they load is cached."""
    for body in (PAYLOAD, json.dumps({"stream": 3})):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("POST", "/invocations", body, {"Content-Type": "application/json"})
        conn.getresponse().read()
        conn.close()


def python_server():
    return Server("Python BedrockAgentCoreApp", lambda port: [str(PYTHON), str(PY_APP), str(port)], ping_ok, "/ping")


def first_event_ms(port, runs):
    """Request start to the first `data: ` bytes on the wire, on a fresh connection each time."""
    request = invocation_request({"stream": 5})
    times = []
    for _ in range(runs):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            started = time.perf_counter()
            conn.sendall(request)
            read_to_first_event(conn)
            times.append((time.perf_counter() - started) * 1000)
            while conn.recv(65536):
                pass
    return statistics.median(times), sorted(times)[int(len(times) * 0.99) - 1]


def load(server, seconds, lua):
    server.start()
    try:
        pid = server.proc.pid
        url = f"http://127.0.0.1:{server.port}/invocations"
        rss_idle = rss_mb(pid)
        wrk(url, 16, 5, lua)  # warm-up (JIT, pools), not reported
        c1 = wrk(url, 1, seconds, lua)
        c64, peak = peak_rss_during(pid, lambda: wrk(url, 64, seconds, lua))
        ttfe = first_event_ms(server.port, 200)
        return {"rss_idle": rss_idle, "c1": c1, "c64": c64, "rss_peak": peak, "ttfe": ttfe}
    finally:
        server.stop()


def main():
    args = arguments("bench-runtime", JAR)

    # The extracted jar and its archives take ~150 MB; nothing in them is needed after the run.
    with tempfile.TemporaryDirectory(prefix="bench-runtime-") as tmp:
        work = Path(tmp)
        lua = work / "post.lua"
        lua.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                       f"wrk.body = {json.dumps(PAYLOAD)}\n")
        variants = java_variants(args.java, JAR, work / "app", ping_ok, "/ping")
        lean = lean_variants(args.java, work / "app" / JAR.name, LEAN_MAIN, work, ping_ok, "/ping", exercise)

        log("cold starts (interleaved) ...")
        measured = interleaved_cold_starts([python_server()] + [v[1] for v in variants] + [v[1] for v in lean],
                                           args.starts)
        python_start = measured[0]
        starts = [(label, m) for (label, _, _), m in zip(variants, measured[1:1 + len(variants)])]
        lean_starts = [(label, m, base) for (label, _, base), m in zip(lean, measured[1 + len(variants):])]

        log("load ...")
        java_best = variants[SPRING_BEST][1]
        python_load = load(python_server(), args.seconds, str(lua))
        java_load = load(java_best, args.seconds, str(lua))
        lean_loads = {label: load(server, args.seconds, str(lua)) for label, server, _ in lean[3:]}

    write_report(args, python_start, starts, python_load, java_load)
    write_lean_report(args, python_start, starts[SPRING_BEST][1], lean_starts, python_load, java_load, lean_loads)


def write_lean_report(args, python_start, spring_start, lean_starts, py, spring, lean_loads):
    """The framework-free core (agents/agentcore-runtime) beside Python and the Spring starter, against issue 14's
    targets: cold start at most half of Python's, memory at most 1.2x, throughput at least 3x."""
    ratio = lambda a, b: f"{a / b:.2f}x"
    (c1_label, c1), (c2_label, c2) = list(lean_loads.items())[1], list(lean_loads.items())[0]
    lines = [
        "## Runtime core without a framework vs Python BedrockAgentCoreApp and the Spring starter",
        "",
        f"Produced by `make bench-runtime` on {time.strftime('%Y-%m-%d')}, in the same run as the section above:",
        f"{machine(args.java)}. The lean core (`agents/agentcore-runtime`, `LeanEchoAgent`) serves the same echo handler.",
        f"Cold starts are interleaved (one of each launch per round) and the median of {args.starts} rounds; each load",
        f"step runs {args.seconds} s after a 5 s warm-up. The machine is shared: read ratios, not absolute numbers.",
        "",
        "### Cold start (process start to the first 200 on /ping) and memory one second after start",
        "",
        "| launch | cold start ms | RSS after start MB | cold start / Python | RSS / Python |",
        "|---|---|---|---|---|",
        f"| Python BedrockAgentCoreApp (uvicorn) | {python_start[0]:.0f} | {python_start[1]:.0f} | 1.00x | 1.00x |",
        f"| Spring starter, Spring AOT + JDK AOT cache | {spring_start[0]:.0f} | {spring_start[1]:.0f} | "
        f"{ratio(spring_start[0], python_start[0])} | {ratio(spring_start[1], python_start[1])} |",
    ]
    lines += [f"| {label} | {ms:.0f} | {mb:.0f} | {ratio(ms, python_start[0])} | {ratio(mb, python_start[1])} |"
              for label, (ms, mb), _ in lean_starts]
    lines += [
        "",
        "### Throughput and memory under load (JSON invocation)",
        "",
        f"| | Python | Spring, Spring AOT + JDK AOT cache | {c2_label} | {c1_label} |",
        "|---|---|---|---|---|",
        "| requests/s, concurrency 64 | " + " | ".join(f"{m['c64'][0]:,.0f}" for m in (py, spring, c2, c1)) + " |",
        "| p50 / p99 ms, concurrency 64 | " + " | ".join(f"{m['c64'][1]:.2f} / {m['c64'][2]:.2f}"
                                                       for m in (py, spring, c2, c1)) + " |",
        "| requests/s, concurrency 1 | " + " | ".join(f"{m['c1'][0]:,.0f}" for m in (py, spring, c2, c1)) + " |",
        "| time to first SSE event, p50 ms | " + " | ".join(f"{m['ttfe'][0]:.2f}" for m in (py, spring, c2, c1)) + " |",
        "| peak resident memory under load, MB | " + " | ".join(f"{m['rss_peak']:.0f}" for m in (py, spring, c2, c1)) + " |",
        "",
    ]
    best_label, (best_ms, best_mb), _ = min(lean_starts, key=lambda s: s[1][0])
    smallest_label, (_, small_mb), _ = min(lean_starts, key=lambda s: s[1][1])
    best_rps = max(c1["c64"][0], c2["c64"][0])
    lines += [
        "### Against issue 14's targets (the lean core)",
        "",
        f"- Cold start at most half of Python's: {verdict(best_ms <= 0.5 * python_start[0])} "
        f"({best_ms:.0f} ms, {best_label}, against {python_start[0]:.0f} ms: {ratio(best_ms, python_start[0])}).",
        f"- Memory after start at most 1.2x Python's: {verdict(small_mb <= 1.2 * python_start[1])} "
        f"({small_mb:.0f} MB, {smallest_label}, against {python_start[1]:.0f} MB: {ratio(small_mb, python_start[1])}).",
        f"- Peak memory under load at most 2x Python's: {verdict(min(c1['rss_peak'], c2['rss_peak']) <= 2 * py['rss_peak'])} "
        f"({min(c1['rss_peak'], c2['rss_peak']):.0f} MB against {py['rss_peak']:.0f} MB).",
        f"- Throughput at concurrency 64 at least 3x Python's: {verdict(best_rps >= 3 * py['c64'][0])} "
        f"({ratio(best_rps, py['c64'][0])}).",
        f"- The Spring Boot path's cold start at most Python's: {verdict(spring_start[0] <= python_start[0])} "
        f"({spring_start[0]:.0f} ms, Spring AOT + JDK AOT cache, against {python_start[0]:.0f} ms: "
        f"{ratio(spring_start[0], python_start[0])}).",
    ]
    replace_section(Path(args.report), "runtime-lean", "\n".join(lines))
    print("\n".join(lines))


def write_report(args, python_start, starts, py, jv):
    ratio = lambda a, b: f"{a / b:.1f}x"
    lines = [
        "## Runtime starter vs Python BedrockAgentCoreApp",
        "",
        f"Produced by `make bench-runtime` on {time.strftime('%Y-%m-%d')}: {machine(args.java)}.",
        "Both serve the same echo handler (`agents/benchmarks/echo-agent`, `scripts/bench/echo_agent.py`);",
        f"each load step runs {args.seconds} s after a 5 s warm-up; cold starts are the median of {args.starts}.",
        "",
        "### Throughput and latency (JSON invocation, ~70-byte payload)",
        "",
        "| | Python | Java (tuned + Spring AOT + JDK AOT cache) | Java / Python | target |",
        "|---|---|---|---|---|",
        f"| requests/s, concurrency 1 | {py['c1'][0]:,.0f} | {jv['c1'][0]:,.0f} | {ratio(jv['c1'][0], py['c1'][0])} | |",
        f"| requests/s, concurrency 64 | {py['c64'][0]:,.0f} | {jv['c64'][0]:,.0f} | {ratio(jv['c64'][0], py['c64'][0])} | >= 3x |",
        f"| p50 / p99 ms, concurrency 1 | {py['c1'][1]:.2f} / {py['c1'][2]:.2f} | {jv['c1'][1]:.2f} / {jv['c1'][2]:.2f} | | |",
        f"| p50 / p99 ms, concurrency 64 | {py['c64'][1]:.2f} / {py['c64'][2]:.2f} | {jv['c64'][1]:.2f} / {jv['c64'][2]:.2f} | | |",
        f"| time to first SSE event, p50 / p99 ms | {py['ttfe'][0]:.2f} / {py['ttfe'][1]:.2f} | {jv['ttfe'][0]:.2f} / {jv['ttfe'][1]:.2f} | | |",
        f"| resident memory after start, MB | {py['rss_idle']:.0f} | {jv['rss_idle']:.0f} | {ratio(jv['rss_idle'], py['rss_idle'])} | <= 1.5x |",
        f"| peak resident memory under load, MB | {py['rss_peak']:.0f} | {jv['rss_peak']:.0f} | {ratio(jv['rss_peak'], py['rss_peak'])} | <= 1.5x |",
        "",
        "### Cold start (process start to the first 200 on /ping) and memory, by what each step bought",
        "",
        "| launch | cold start ms | RSS after start MB |",
        "|---|---|---|",
        f"| Python BedrockAgentCoreApp (uvicorn) | {python_start[0]:.0f} | {python_start[1]:.0f} |",
    ]
    lines += [f"| Java: {label} | {s[0]:.0f} | {s[1]:.0f} |" for label, s in starts]
    best_start = min(s[0] for _, s in starts)
    best_rss = min(s[1] for _, s in starts)
    lines += [
        "",
        "### Against the targets",
        "",
        f"- Throughput at least 3x Python's: {verdict(jv['c64'][0] >= 3 * py['c64'][0])} "
        f"({ratio(jv['c64'][0], py['c64'][0])} at concurrency 64, {ratio(jv['c1'][0], py['c1'][0])} at 1).",
        f"- Cold start no slower than Python's: {verdict(best_start <= python_start[0])} "
        f"(best Java {best_start:.0f} ms against {python_start[0]:.0f} ms).",
        f"- Memory at most 1.5x Python's: {verdict(best_rss <= 1.5 * python_start[1])} "
        f"(best Java {best_rss:.0f} MB after start against {python_start[1]:.0f} MB; "
        f"{jv['rss_peak']:.0f} MB against {py['rss_peak']:.0f} MB at peak).",
    ]
    if "**missed**" in "".join(lines):
        lines += [""] + JVM_FIXED_COST
    replace_section(Path(args.report), "runtime", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
