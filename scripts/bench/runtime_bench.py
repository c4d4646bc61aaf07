"""Runtime benchmark: the Java starter (agents/benchmarks/echo-agent) against the Python SDK's
BedrockAgentCoreApp (scripts/bench/echo_agent.py), same handler, same machine, same run.

Measures cold start (process start to the first 200 on /ping), resident memory after start and under
load, JSON invocation throughput and latency at concurrency 1 and 64 (wrk), and time to the first SSE
event. Writes the runtime section of docs/benchmarks.md. Standard library only.
"""
import json
import socket
import statistics
import tempfile
import time
from pathlib import Path

from benchlib import (JVM_FIXED_COST, arguments, PYTHON, ROOT, Server, cold_starts, java_variants, log, machine,
                      peak_rss_during, ping_ok,
                      replace_section, rss_mb, verdict, wrk)

JAR = ROOT / "agents/benchmarks/echo-agent/target/echo-agent.jar"
PY_APP = ROOT / "scripts/bench/echo_agent.py"
PAYLOAD = json.dumps({"prompt": "What is VO2 max?", "session": "bench", "n": 42})


def python_server():
    return Server("Python BedrockAgentCoreApp", lambda port: [str(PYTHON), str(PY_APP), str(port)], ping_ok, "/ping")


def first_event_ms(port, runs):
    """Request start to the first `data: ` bytes on the wire, on a fresh connection each time."""
    body = json.dumps({"stream": 5}).encode()
    request = (b"POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
               b"Connection: close\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
    times = []
    for _ in range(runs):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            started = time.perf_counter()
            conn.sendall(request)
            seen = b""
            while b"data: " not in seen:
                chunk = conn.recv(65536)
                if not chunk:
                    raise SystemExit(f"the stream ended before its first event: {seen[:300]!r}")
                seen += chunk
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

        log("cold starts ...")
        python_start = cold_starts(python_server(), args.starts)
        starts = [(label, cold_starts(server, args.starts)) for label, server, _ in variants]

        log("load ...")
        java_best = variants[3][1]
        python_load = load(python_server(), args.seconds, str(lua))
        java_load = load(java_best, args.seconds, str(lua))

    write_report(args, python_start, starts, python_load, java_load)


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
        "| | Python | Java (tuned + AOT cache) | Java / Python | target |",
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
