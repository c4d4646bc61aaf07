"""make soak: the hostile-client cases of issue 12 at full size, too heavy for make test. Each case has a fixed
count and time and a pass/fail line; the exit status is non-zero when any case fails. Standard library only.

  slow-bodies  mcp-echo: SLOW clients send their bodies at one byte a second for SECONDS while a valid tools/call
               is timed every half second (it must answer within 2 s), and each slow client must be answered 408
               and let go within the body timeout plus the read timeout.
  key-flood    mcp-echo: six concurrent 9 MB tools/call with 500,000 unexpected argument keys; the answers and
               every log line must stay under 4 KB.
  big-bodies   hello agent: ten concurrent bodies just under AgentCore's 100,000,000-byte limit at the default
               heap, while /ping is polled every 100 ms (it must answer within 2 s); every body must be answered
               (400: they hold no prompt), none with a 5xx; one byte more is 413.
"""
import argparse
import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MCP_ECHO = ROOT / "mcp-servers/mcp-echo/target/mcp-echo.jar"
HELLO = ROOT / "agents/samples/hello-agent/target/hello-agent.jar"
ACCEPT = "application/json, text/event-stream"
CALL = {"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "echo", "arguments": {"message": "hi"}}}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running(java, jar, port, env=None):
    """The server listening on loopback, its log (a temporary file) beside it; stopped afterwards."""
    with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
        # Environment variables, which the Spring servers and the plain mains (the hello agent) both read.
        listen = {"SERVER_PORT": str(port), "SERVER_ADDRESS": "127.0.0.1"}
        process = subprocess.Popen([java, "-jar", str(jar)], stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, **(env or {}), **listen})
        try:
            deadline = time.time() + 90
            while True:
                if process.poll() is not None:
                    sys.exit(f"error: {jar.name} exited while starting:\n{Path(log.name).read_text()[-2000:]}")
                if time.time() > deadline:
                    sys.exit(f"error: {jar.name} did not listen within 90 s")
                try:
                    with socket.create_connection(("127.0.0.1", port), timeout=1):
                        break
                except OSError:
                    time.sleep(0.2)
            yield process, log
        finally:
            process.terminate()
            process.wait(30)


def post(port, path, body, headers, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def mcp_call(port, body=None):
    return post(port, "/mcp", body or json.dumps(CALL).encode(), {"Content-Type": "application/json", "Accept": ACCEPT})


def declared_only(port, length):
    """The status of a POST /invocations that declares `length` bytes and sends none: refused before reading."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(f"POST /invocations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  f"Content-Length: {length}\r\n\r\n".encode())
        return int(s.recv(64).split(b" ")[1])


def concurrently(count, call, timeout):
    """Runs call() on `count` threads at once; returns each result, or the error it raised, in order."""
    results = [None] * count
    def run(i):
        try:
            results[i] = call()
        except OSError as e:
            results[i] = e
    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout)
    return results


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def slow_bodies(java, slow, seconds):
    port = free_port()
    with running(java, MCP_ECHO, port) as (server, log):
        sockets = []
        head = (f"POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
                f"Accept: {ACCEPT}\r\nContent-Length: 100000\r\n\r\n{{").encode()
        for _ in range(slow):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(head)
            sockets.append(s)
        closed_at = {}
        started = time.time()
        latencies, failures = [], 0
        last_byte = 0.0
        while time.time() - started < seconds:
            dribble = time.time() - last_byte >= 1.0
            last_byte = time.time() if dribble else last_byte
            for index, s in enumerate(sockets):
                if dribble and index not in closed_at:
                    try:
                        s.sendall(b" ")
                    except OSError:
                        closed_at[index] = time.time() - started
            t0 = time.time()
            try:
                status, _ = mcp_call(port)
                failures += status != 200
            except OSError:
                failures += 1
            latencies.append(time.time() - t0)
            time.sleep(0.5)
        for s in sockets:
            s.close()
        slowest = max(latencies)
        let_go = len(closed_at)
        ok = failures == 0 and slowest < 2.0 and let_go == slow and max(closed_at.values()) < 25
        print(f"slow-bodies  {slow} clients at 1 byte/s for {seconds} s: {len(latencies)} valid calls, "
              f"{failures} failed, slowest {slowest:.2f} s; {let_go}/{slow} slow clients let go, the last after "
              f"{max(closed_at.values(), default=float('nan')):.1f} s: {'PASS' if ok else 'FAIL'}")
        return ok


def key_flood(java):
    port = free_port()
    arguments = {"message": "hi"}
    arguments.update((f"unexpected_{i:06d}", 1) for i in range(500_000))
    body = json.dumps({**CALL, "params": {"name": "echo", "arguments": arguments}}).encode()
    with running(java, MCP_ECHO, port) as (server, log):
        answers = concurrently(6, lambda: mcp_call(port, body), 120)
        longest_answer = max(len(a[1]) for a in answers if isinstance(a, tuple))
        log.flush()
        longest_line = max((len(line) for line in Path(log.name).read_text(errors="replace").splitlines()), default=0)
        rss = peak_rss_mb(server.pid)
        ok = all(isinstance(a, tuple) and a[0] == 200 for a in answers) and longest_answer < 4096 and longest_line < 4096
        print(f"key-flood    6 x {len(body) / 1e6:.1f} MB tools/call, 500,000 unexpected keys: longest answer "
              f"{longest_answer} B, longest log line {longest_line} chars, peak RSS {rss:.0f} MB: "
              f"{'PASS' if ok else 'FAIL'}")
        return ok


def big_bodies(java):
    port = free_port()
    limit = 100_000_000
    prefix, suffix = b'{"prompt":" ","padding":"', b'"}'
    body = prefix + b"a" * (limit - len(prefix) - len(suffix)) + suffix
    with running(java, HELLO, port, env={"AGENT_MODEL_PROVIDER": "offline"}) as (server, log):
        stop = threading.Event()
        pings = []
        def ping():
            while not stop.is_set():
                t0 = time.time()
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                    connection.request("GET", "/ping")
                    ok = connection.getresponse().status == 200
                    connection.close()
                except OSError:
                    ok = False
                pings.append((ok, time.time() - t0))
                time.sleep(0.1)
        pinger = threading.Thread(target=ping)
        pinger.start()
        answers = [a[0] if isinstance(a, tuple) else repr(a) for a in concurrently(
            10, lambda: post(port, "/invocations", body, {"Content-Type": "application/json"}, timeout=300), 600)]
        stop.set()
        pinger.join(60)
        too_large = declared_only(port, limit + 1)
        slowest = max(p[1] for p in pings)
        failed_pings = sum(not p[0] for p in pings)
        rss = peak_rss_mb(server.pid)
        ok = all(a == 400 for a in answers) and too_large == 413 and failed_pings == 0 and slowest < 2.0
        print(f"big-bodies   10 x {len(body):,} B at the default heap: answers {sorted(map(str, answers))}, "
              f"{limit + 1:,} B -> {too_large}; {len(pings)} pings, {failed_pings} failed, slowest {slowest:.2f} s, "
              f"peak RSS {rss:.0f} MB: {'PASS' if ok else 'FAIL'}")
        return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--java", required=True)
    parser.add_argument("--slow", type=int, default=800, help="slow clients in slow-bodies (the review: 250)")
    parser.add_argument("--seconds", type=int, default=30, help="length of slow-bodies (at least 25)")
    parser.add_argument("--cases", default="slow-bodies,key-flood,big-bodies")
    args = parser.parse_args()
    if args.seconds < 25:
        sys.exit("error: --seconds must be at least 25: slow clients are let go after the 10 s body timeout plus "
                 "up to a 10 s read, and the run must outlast that to see it")
    for jar in (MCP_ECHO, HELLO):
        if not jar.exists():
            sys.exit(f"error: {jar.relative_to(ROOT)} is missing; run `make soak`, which builds it")
    cases = {"slow-bodies": lambda: slow_bodies(args.java, args.slow, args.seconds),
             "key-flood": lambda: key_flood(args.java), "big-bodies": lambda: big_bodies(args.java)}
    unknown = [c for c in args.cases.split(",") if c not in cases]
    if unknown:
        sys.exit(f"error: unknown case {', '.join(unknown)}; the cases are {', '.join(cases)}")
    results = [cases[c]() for c in args.cases.split(",")]
    sys.exit(0 if all(results) else 1)


if __name__ == "__main__":
    main()
