"""make demo: start the hello agent on the offline model, check /ping, stream one invocation as a user
would with `curl -N`, print it, and stop the agent cleanly. Standard library only; no AWS account.

The offline model runs only when asked for (an agent with no model configured refuses to start), so the
demo asks for it by name with AGENT_MODEL_PROVIDER=offline. The agent is a plain main without Spring: its settings
are environment variables (the model's AGENT_MODEL_*, its port SERVER_PORT)."""
import argparse
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JAR = ROOT / "agents/samples/hello-agent/target/hello-agent.jar"
PROMPT = {"prompt": "What is VO2 max?"}
# The one setting the demo needs: the offline model, by name.
OFFLINE_MODEL = {"AGENT_MODEL_PROVIDER": "offline"}


def port_free(port):
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def pick_port(preferred):
    if port_free(preferred):
        return preferred
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def step(text):
    print(f"\n\033[1m==> {text}\033[0m", flush=True)


def wait_for_ping(proc, port, log):
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"error: the agent exited with code {proc.returncode} before answering /ping:\n{log.read_text()}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/ping")
            response = conn.getresponse()
            if response.status == 200:
                return response.read().decode()
        except OSError:
            time.sleep(0.1)
    sys.exit(f"error: the agent did not answer /ping within 90 s:\n{log.read_text()}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--java", default=os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java"))
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    if not JAR.exists():
        sys.exit(f"error: {JAR} is missing; `make demo` builds it")

    port = pick_port(args.port)
    log = Path(tempfile.mkstemp(prefix="hello-agent-", suffix=".log")[1])
    command = [args.java, "-jar", str(JAR)]
    settings = {**OFFLINE_MODEL, "SERVER_PORT": str(port)}
    step(f"Starting the hello agent on port {port} on the offline model (no AWS account needed)")
    print(" ".join(f"{k}={v}" for k, v in settings.items()) + f" java -jar {JAR.relative_to(ROOT)}")
    started = time.monotonic()
    # Only the offline model, whatever model settings the caller's shell has.
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("AGENT_MODEL_")}, **settings}
    proc = subprocess.Popen(command, stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)
    try:
        ping = wait_for_ping(proc, port, log)
        print(f"started in {time.monotonic() - started:.1f} s")
        for line in log.read_text().splitlines():
            if "Model provider" in line or "listening on" in line:
                print("  log: " + line.split(": ", 1)[-1])

        step(f"GET /ping")
        print(ping)

        step(f"curl -N -X POST localhost:{port}/invocations -H 'Content-Type: application/json' "
             f"-d '{json.dumps(PROMPT)}'")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("POST", "/invocations", json.dumps(PROMPT), {"Content-Type": "application/json"})
        response = conn.getresponse()
        print(f"HTTP {response.status} {response.getheader('Content-Type')}")
        events = 0
        for raw in response:
            line = raw.decode("utf-8").rstrip("\n")
            print(line, flush=True)
            events += line.startswith("data: ")
        if response.status != 200 or events == 0:
            sys.exit(f"error: expected a 200 event stream, got {response.status} with {events} events")

        step("Stopping the agent (SIGTERM, graceful shutdown)")
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=40)
        # 143 = 128 + SIGTERM: the JVM's exit status after a clean shutdown on that signal.
        if code not in (0, 143):
            sys.exit(f"error: the agent exited with {code}:\n{log.read_text()}")
        print(f"stopped cleanly; streamed {events} events. Full log: {log}")
    finally:
        if proc.poll() is None:
            proc.kill()


if __name__ == "__main__":
    main()
