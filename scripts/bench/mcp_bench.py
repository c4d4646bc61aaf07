"""MCP benchmark: mcp-echo (mcp-servers/mcp-echo, MCP Java SDK, stateless) against the same echo server on the
Python MCP SDK (scripts/bench/echo_mcp_server.py: MCPServer, formerly FastMCP, stateless), same machine, same run.

Measures tools/call `echo` throughput and latency at concurrency 1 and 32 (wrk), cold start (process start to the
first successful `initialize`), and resident memory after start and under load. Every reply must be a 200 with a
JSON-RPC result: a sample is checked before and after each load, and wrk's Lua script counts the others.
Writes the mcp section of docs/benchmarks.md. Standard library only.
"""
import copy
import http.client
import importlib.metadata
import json
import os
import tempfile
import time
from pathlib import Path

from benchlib import (JVM_FIXED_COST, arguments, PYTHON, ROOT, Server, interleaved_cold_starts, java_variants, SPRING_BEST,
                      lean_variants, log, machine, peak_rss_during, replace_section, rss_mb, verdict, wrk)

JAR = ROOT / "mcp-servers/mcp-echo/target/mcp-echo.jar"
PY_APP = ROOT / "scripts/bench/echo_mcp_server.py"
# What every streamable HTTP client sends: it must accept both, and the server chooses JSON or an SSE stream.
HEADERS = {"Content-Type": "application/json", "Accept": "application/json, text/event-stream"}
MESSAGE = "What is VO2 max? (mcp-bench)"
INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": "2025-11-25", "capabilities": {},
                         "clientInfo": {"name": "mcp-bench", "version": "1"}}}
CALL = {"jsonrpc": "2.0", "id": 2, "method": "tools/call",
        "params": {"name": "echo", "arguments": {"message": MESSAGE}}}
CONCURRENCY = 32
LEAN_CONCURRENCY = 64  # issue 14's targets are at concurrency 64
LEAN_MAIN = "dev.agentcore.mcp.echo.LeanEchoServer"


def rpc(port, message, headers=None):
    """POSTs one JSON-RPC message to /mcp: (HTTP status, the JSON-RPC reply or None), whether the server answers
    with JSON or with an SSE stream (then the reply is its first `data:` line)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", "/mcp", json.dumps(message), {**HEADERS, **(headers or {})})
        response = conn.getresponse()
        body = response.read().decode()
    finally:
        conn.close()
    if response.getheader("Content-Type", "").startswith("text/event-stream"):
        body = next((line[5:] for line in body.splitlines() if line.startswith("data:")), "")
    try:
        return response.status, json.loads(body)
    except ValueError:
        return response.status, None


def initialized(port):
    """The readiness probe: an initialize answered with 200 and a JSON-RPC result."""
    status, reply = rpc(port, INITIALIZE)
    return status == 200 and isinstance(reply, dict) and "result" in reply


def check(port):
    """initialize, then one tools/call as a stateless client makes it (with the negotiated MCP-Protocol-Version);
    fails unless the reply is a 200 whose result echoes the message. Returns the negotiated version."""
    status, reply = rpc(port, INITIALIZE)
    if status != 200 or "result" not in (reply or {}):
        raise SystemExit(f"initialize on port {port} answered {status}: {reply}")
    version = reply["result"]["protocolVersion"]
    status, reply = rpc(port, CALL, {"MCP-Protocol-Version": version})
    result = (reply or {}).get("result")
    if status != 200 or not result or result.get("isError") or MESSAGE not in json.dumps(result):
        raise SystemExit(f"tools/call echo on port {port} answered {status}: {reply}")
    return version


def first_call_answered(port):
    """The probe of a client's first call: initialize, then tools/call echo, both answered correctly (the server may
    answer initialize before its tools are made; the call waits for them)."""
    check(port)
    return True


def until_first_call(server):
    """The same launch, timed until its first tools/call is answered instead of its first initialize."""
    timed = copy.copy(server)
    timed.name, timed.ready, timed.probe = server.name + "-first-call", first_call_answered, "tools/call"
    return timed


def write_lua(path, version):
    # wrk counts non-2xx itself; a JSON-RPC error or a tool error comes with a 200, so the script looks at each
    # body and done() reports how many lacked a result (benchlib.wrk fails the run on any).
    path.write_text(f"""wrk.method = "POST"
wrk.headers["Content-Type"] = "{HEADERS['Content-Type']}"
wrk.headers["Accept"] = "{HEADERS['Accept']}"
wrk.headers["MCP-Protocol-Version"] = "{version}"
wrk.body = {json.dumps(json.dumps(CALL))}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) invalid = 0 end
function response(status, headers, body)
  if not body:find('"result":', 1, true) or body:find('"isError":true', 1, true) or body:find('"error":{{', 1, true) then
    invalid = invalid + 1
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("invalid") end
  io.write("invalid responses: " .. total .. "\\n")
end
""")
    return str(path)


def load(server, seconds, work, concurrency=CONCURRENCY):
    server.start()
    try:
        pid, url = server.proc.pid, f"http://127.0.0.1:{server.port}/mcp"
        rss_idle = rss_mb(pid)
        lua = write_lua(work / f"{server.name}.lua", check(server.port))
        wrk(url, 16, 5, lua)  # warm-up (JIT, pools), not reported
        c1 = wrk(url, 1, seconds, lua)
        cn, peak = peak_rss_during(pid, lambda: wrk(url, concurrency, seconds, lua))
        check(server.port)  # still answering correctly after the load
        return {"rss_idle": rss_idle, "c1": c1, "cn": cn, "rss_peak": peak}
    finally:
        server.stop()


def python_server(json_response=False):
    mode = ["json"] if json_response else []
    return Server("python-json" if json_response else "python-sse",
                  lambda port: [str(PYTHON), str(PY_APP), str(port), *mode], initialized, "initialize")


def main():
    args = arguments("bench-mcp", JAR)
    load_before = os.getloadavg()[0]

    # The extracted jar and its archives take ~150 MB; nothing in them is needed after the run.
    with tempfile.TemporaryDirectory(prefix="bench-mcp-") as tmp:
        work = Path(tmp)
        # Loopback only, like the Python server; everything else as mcp-echo ships.
        variants = java_variants(args.java, JAR, work / "app", initialized, "initialize",
                                 app_args=["--server.address=127.0.0.1"])
        lean = lean_variants(args.java, work / "app" / JAR.name, LEAN_MAIN, work, initialized, "initialize", check)

        log("cold starts (interleaved) ...")
        first_calls = [python_server(), variants[SPRING_BEST][1]] + [v[1] for v in lean]
        measured = interleaved_cold_starts([python_server()] + [v[1] for v in variants] + [v[1] for v in lean]
                                           + [until_first_call(server) for server in first_calls], args.starts)
        python_start = measured[0]
        starts = [(label, m, base) for (label, _, base), m in zip(variants, measured[1:1 + len(variants)])]
        lean_end = 1 + len(variants) + len(lean)
        lean_starts = [(label, m, base) for (label, _, base), m in zip(lean, measured[1 + len(variants):lean_end])]
        # Process start to the first tools/call answered: Python, Spring with both AOT steps, then each lean launch.
        first_call_ms = [ms for ms, _ in measured[lean_end:]]

        log("load ...")
        loads = {
            "python-sse": load(python_server(), args.seconds, work),
            "python-json": load(python_server(json_response=True), args.seconds, work),
            "java-default": load(variants[0][1], args.seconds, work),
            "java-aot": load(variants[SPRING_BEST][1], args.seconds, work),
        }
        log("load at concurrency 64 (lean section) ...")
        loads64 = {"Python, seed (SSE)": load(python_server(), args.seconds, work, LEAN_CONCURRENCY),
                   "Spring, Spring AOT + JDK AOT cache": load(variants[SPRING_BEST][1], args.seconds, work, LEAN_CONCURRENCY)}
        loads64.update({label: load(server, args.seconds, work, LEAN_CONCURRENCY) for label, server, _ in lean[3:]})
    write_report(args, load_before, python_start, starts, loads)
    write_lean_report(args, python_start, starts[SPRING_BEST][1], lean_starts, loads64, first_call_ms)


def write_lean_report(args, python_start, spring_start, lean_starts, loads, first_call_ms):
    """The framework-free MCP server (mcp-servers/mcp-lean-server, LeanEchoServer) beside FastMCP and the Spring
    path, against issue 14's targets: cold start at most half of FastMCP's, memory at most 1.2x, throughput 3x."""
    ratio = lambda a, b: f"{a / b:.2f}x"
    columns = list(loads.items())
    py = loads["Python, seed (SSE)"]
    lines = [
        "## MCP server without a framework vs FastMCP (MCPServer) and the Spring path",
        "",
        f"Produced by `make bench-mcp` on {time.strftime('%Y-%m-%d')}, in the same run as the section above:",
        f"{machine(args.java)}. `LeanEchoServer` serves the same `echo` tool on the MCP Java SDK's stateless server",
        "over lean-http (no Spring, no servlet container). Cold starts are interleaved (one of each launch per round),",
        f"the median of {args.starts} rounds; each load step runs {args.seconds} s after a 5 s warm-up, at concurrency "
        f"{LEAN_CONCURRENCY}. The machine is shared: read ratios, not absolute numbers.",
        "",
        "### Cold start (process start to the first successful `initialize`) and memory one second after start",
        "",
        "The last two columns time the same launch until a client's first `tools/call` is answered (initialize,",
        "then the call): the lean server answers `initialize` before it makes its tools, and the call waits for them.",
        "",
        "| launch | cold start ms | RSS after start MB | cold start / Python | RSS / Python | first tools/call ms "
        "| first call / Python |",
        "|---|---|---|---|---|---|---|",
        f"| Python MCPServer (uvicorn), seed settings | {python_start[0]:.0f} | {python_start[1]:.0f} | 1.00x | 1.00x "
        f"| {first_call_ms[0]:.0f} | 1.00x |",
        f"| Spring (mcp-echo), Spring AOT + JDK AOT cache | {spring_start[0]:.0f} | {spring_start[1]:.0f} | "
        f"{ratio(spring_start[0], python_start[0])} | {ratio(spring_start[1], python_start[1])} "
        f"| {first_call_ms[1]:.0f} | {ratio(first_call_ms[1], first_call_ms[0])} |",
    ]
    lines += [f"| {label} | {ms:.0f} | {mb:.0f} | {ratio(ms, python_start[0])} | {ratio(mb, python_start[1])} "
              f"| {call:.0f} | {ratio(call, first_call_ms[0])} |"
              for (label, (ms, mb), _), call in zip(lean_starts, first_call_ms[2:])]
    lines += [
        "",
        f"### tools/call `echo` at concurrency {LEAN_CONCURRENCY}",
        "",
        "| | " + " | ".join(label for label, _ in columns) + " |",
        "|---|" + "---|" * len(columns),
        "| requests/s | " + " | ".join(f"{m['cn'][0]:,.0f}" for _, m in columns) + " |",
        "| p50 / p99 ms | " + " | ".join(f"{m['cn'][1]:.2f} / {m['cn'][2]:.2f}" for _, m in columns) + " |",
        "| peak resident memory under load, MB | " + " | ".join(f"{m['rss_peak']:.0f}" for _, m in columns) + " |",
        "",
    ]
    best_label, (best_ms, _), _ = min(lean_starts, key=lambda s: s[1][0])
    small_label, (_, small_mb), _ = min(lean_starts, key=lambda s: s[1][1])
    lean_loads = [m for label, m in columns if label.startswith("lean")]
    best_rps = max(m["cn"][0] for m in lean_loads)
    lines += [
        "### Against issue 14's targets (the lean MCP server)",
        "",
        f"- Cold start at most half of FastMCP's: {verdict(best_ms <= 0.5 * python_start[0])} "
        f"({best_ms:.0f} ms, {best_label}, against {python_start[0]:.0f} ms: {ratio(best_ms, python_start[0])}).",
        f"- Memory after start at most 1.2x FastMCP's: {verdict(small_mb <= 1.2 * python_start[1])} "
        f"({small_mb:.0f} MB, {small_label}, against {python_start[1]:.0f} MB: {ratio(small_mb, python_start[1])}).",
        f"- Throughput at concurrency {LEAN_CONCURRENCY} at least 3x FastMCP's: {verdict(best_rps >= 3 * py['cn'][0])} "
        f"({ratio(best_rps, py['cn'][0])}).",
        "",
    ]
    best_call = first_call_ms[2 + [label for label, _, _ in lean_starts].index(best_label)]
    lines.append(f"The launch with the fastest `initialize` answers its first `tools/call` {best_call:.0f} ms after "
                 f"start, against {first_call_ms[0]:.0f} ms for FastMCP ({ratio(best_call, first_call_ms[0])}).")
    if best_ms > 0.5 * python_start[0]:
        lines.append(f"The cold start target is missed by {best_ms - 0.5 * python_start[0]:.0f} ms "
                     f"({ratio(best_ms, python_start[0])} against 0.50x).")
    lines += [
        "Where the lean server's cold start goes, what was changed for it and what was tried without effect, each "
        "with its measured effect:",
        "`mcp-servers/mcp-lean-server/README.md`, section \"Cold start\".",
    ]
    replace_section(Path(args.report), "mcp-lean", "\n".join(lines))
    print("\n".join(lines))


def write_report(args, load_before, python_start, starts, loads):
    ratio = lambda a, b: f"{a / b:.1f}x"
    columns = [loads[k] for k in ("python-sse", "python-json", "java-default", "java-aot")]
    py, pj, _, jv = columns
    row = lambda label, cell, extra: f"| {label} | " + " | ".join(cell(m) for m in columns) + f" {extra}"
    n = CONCURRENCY
    lines = [
        "## MCP server (mcp-echo) vs Python MCP SDK (FastMCP / MCPServer)",
        "",
        f"Produced by `make bench-mcp` on {time.strftime('%Y-%m-%d')}: {machine(args.java)} "
        f"(it counts the benchmark's own wrk and server; before the run started it was {load_before:.1f}).",
        "Both serve the seed's `echo` tool, stateless, on `POST /mcp` (`mcp-servers/mcp-echo`,",
        f"`scripts/bench/echo_mcp_server.py` on `mcp` {importlib.metadata.version('mcp')}, where FastMCP is called"
        " MCPServer).",
        "The client sends what a stateless streamable HTTP client sends: `Accept: application/json, text/event-stream`",
        "and, after `initialize`, the negotiated `MCP-Protocol-Version`. With the seed's settings",
        "(`stateless_http=True`) the Python server answers each POST with a one-event SSE stream; mcp-echo answers",
        "plain JSON. Python is also measured with `json_response=True` (plain JSON, like mcp-echo); the targets are",
        "judged against the seed's setting, and the JSON ratios are given beside them.",
        "Python's server is one process on one event loop, as the seed runs it; mcp-echo's server threads share the",
        f"{os.cpu_count()} cores with wrk. Each load step runs {args.seconds} s after a 5 s warm-up; every reply is checked to be a",
        f"200 with a JSON-RPC result. Cold starts are the median of {args.starts}.",
        "",
        f"### tools/call `echo` throughput and latency (~{len(json.dumps(CALL))}-byte request)",
        "",
        "| | Python, seed (SSE) | Python, JSON | Java, default JVM | Java, tuned + Spring AOT + JDK AOT cache "
        "| Java tuned + AOT / Python seed | target |",
        "|---|---|---|---|---|---|---|",
        row("requests/s, concurrency 1", lambda m: f"{m['c1'][0]:,.0f}",
            f"| {ratio(jv['c1'][0], py['c1'][0])} (JSON: {ratio(jv['c1'][0], pj['c1'][0])}) | >= 3x |"),
        row(f"requests/s, concurrency {n}", lambda m: f"{m['cn'][0]:,.0f}",
            f"| {ratio(jv['cn'][0], py['cn'][0])} (JSON: {ratio(jv['cn'][0], pj['cn'][0])}) | >= 3x |"),
        row("p50 / p99 ms, concurrency 1", lambda m: f"{m['c1'][1]:.2f} / {m['c1'][2]:.2f}", "| | |"),
        row(f"p50 / p99 ms, concurrency {n}", lambda m: f"{m['cn'][1]:.2f} / {m['cn'][2]:.2f}", "| | |"),
        row("resident memory when the load run starts, MB", lambda m: f"{m['rss_idle']:.0f}",
            f"| {ratio(jv['rss_idle'], py['rss_idle'])} | <= 1.5x |"),
        row("peak resident memory under load, MB", lambda m: f"{m['rss_peak']:.0f}",
            f"| {ratio(jv['rss_peak'], py['rss_peak'])} | <= 1.5x |"),
        "",
        "### Cold start (process start to the first successful `initialize`) and memory, by what each step bought",
        "",
        "| launch | cold start ms | RSS after start MB | what the step bought |",
        "|---|---|---|---|",
        f"| Python MCPServer (uvicorn), seed settings | {python_start[0]:.0f} | {python_start[1]:.0f} | |",
    ]
    change = lambda new, old, unit: f"{new - old:+.0f} {unit} ({(new - old) / old:+.0%})"
    for label, (ms, mb), base in starts:
        bought = ""
        if base is not None:
            old_label, (old_ms, old_mb), _ = starts[base]
            bought = f"{change(ms, old_ms, 'ms')}, {change(mb, old_mb, 'MB')} against {old_label}"
        lines.append(f"| Java: {label} | {ms:.0f} | {mb:.0f} | {bought} |")

    # The targets are judged on one Java launch, the one measured under load: tuned flags + both AOT steps.
    aot_label, (aot_ms, aot_mb), _ = starts[SPRING_BEST]
    fastest_label, (fastest_ms, _), _ = min(starts, key=lambda s: s[1][0])
    throughput_ok = jv["c1"][0] >= 3 * py["c1"][0] and jv["cn"][0] >= 3 * py["cn"][0]
    start_ok = aot_ms <= python_start[0]
    memory_ok = aot_mb <= 1.5 * python_start[1] and jv["rss_peak"] <= 1.5 * py["rss_peak"]
    lines += [
        "",
        "### Against the targets (Java: tuned JVM flags + Spring AOT + JDK AOT cache; Python: the seed's settings)",
        "",
        f"- Throughput at least 3x Python's: {verdict(throughput_ok)} "
        f"({ratio(jv['cn'][0], py['cn'][0])} at concurrency {n}, {ratio(jv['c1'][0], py['c1'][0])} at 1; "
        f"against Python answering JSON {ratio(jv['cn'][0], pj['cn'][0])} and {ratio(jv['c1'][0], pj['c1'][0])}).",
        f"- Cold start no slower than Python's: {verdict(start_ok)} "
        f"({aot_ms:.0f} ms against {python_start[0]:.0f} ms; fastest Java launch: {fastest_label}, "
        f"{fastest_ms:.0f} ms).",
        f"- Memory within 1.5x Python's: {verdict(memory_ok)} "
        f"({aot_mb:.0f} MB after start against {python_start[1]:.0f} MB, {ratio(aot_mb, python_start[1])}; "
        f"{jv['rss_peak']:.0f} MB against {py['rss_peak']:.0f} MB at peak, {ratio(jv['rss_peak'], py['rss_peak'])}).",
    ]
    if not (start_ok and memory_ok):
        lines += [""] + JVM_FIXED_COST
    replace_section(Path(args.report), "mcp", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
