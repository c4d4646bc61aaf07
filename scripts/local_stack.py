#!/usr/bin/env python3
"""The whole local stack as background processes: the local AgentCore (infra/local-agentcore/bin/local-agentcore) and
the local AWS (moto with the AgentCore CloudFormation types, infra/local-aws/run.py). For development and tests only:
no AWS account is used; production is AWS AgentCore Runtime. Standard library only (docs/local-agentcore.md).

  local_stack.py up       start both (or find the running stack), wait until each answers, print the exports
  local_stack.py status   what runs, and whether it answers
  local_stack.py env      the export block alone, for eval "$(python3 scripts/local_stack.py env)"
  local_stack.py down     stop both (SIGTERM, then SIGKILL), wait until their ports are free, keep the logs

Ready means answering a real request: the control plane's ListAgentRuntimes and the local AWS's STS
GetCallerIdentity, both SigV4-signed as the AWS SDKs sign them."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import fcntl
import hashlib
import hmac
import http.client
import json
import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_AGENTCORE_PORT = 4567
DEFAULT_AWS_PORT = 4566
HOST = "127.0.0.1"
# Dummy credentials: moto accepts any, and the local AgentCore checks the signature's form, not its secret. Never a
# real secret: the children get these, not the caller's AWS_* variables.
ACCESS_KEY = "local"
SECRET_KEY = "local"
NOT_AWS = "No AWS account is used; this is for development and tests, production is AWS AgentCore Runtime."
STOP_GRACE_SECONDS = 10
EXIT_NOT_RUNNING = 3


def fail(message: str, code: int = 1) -> None:
    print(f"local-stack: {message}", file=sys.stderr)
    sys.exit(code)


# --- SigV4, as the AWS SDKs sign (the readiness probes are real requests) ---------------------------------------

def sigv4_headers(method: str, url: str, body: bytes, region: str, service: str, content_type: str,
                  now: datetime.datetime | None = None) -> dict[str, str]:
    parts = urllib.parse.urlsplit(url)
    now = now or datetime.datetime.now(datetime.timezone.utc)
    amz_date = now.strftime("%Y%m%dT%H%M%SZ")
    day = amz_date[:8]
    query = "&".join(f"{urllib.parse.quote(k, safe='-_.~')}={urllib.parse.quote(v, safe='-_.~')}"
                     for k, v in sorted(urllib.parse.parse_qsl(parts.query, keep_blank_values=True)))
    payload = hashlib.sha256(body).hexdigest()
    signed = "content-type;host;x-amz-date"
    canonical = "\n".join([method, urllib.parse.quote(parts.path or "/", safe="/-_.~"), query,
                           f"content-type:{content_type}\nhost:{parts.netloc}\nx-amz-date:{amz_date}\n", signed,
                           payload])
    scope = f"{day}/{region}/{service}/aws4_request"
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    key = ("AWS4" + SECRET_KEY).encode()
    for part in (day, region, service, "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(key, to_sign.encode(), hashlib.sha256).hexdigest()
    return {"Host": parts.netloc, "Content-Type": content_type, "X-Amz-Date": amz_date,
            "Authorization": f"AWS4-HMAC-SHA256 Credential={ACCESS_KEY}/{scope}, SignedHeaders={signed}, "
                             f"Signature={signature}"}


def signed_request(url: str, body: bytes, region: str, service: str, content_type: str,
                   timeout: float) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request("POST", url[len(f"{parts.scheme}://{parts.netloc}"):] or "/", body=body,
                           headers=sigv4_headers("POST", url, body, region, service, content_type))
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def control_plane_answers(endpoint: str, region: str, timeout: float = 1.0) -> bool:
    """ListAgentRuntimes (POST /runtimes/), signed for bedrock-agentcore."""
    try:
        status, body = signed_request(endpoint + "/runtimes/", b"{}", region, "bedrock-agentcore", "application/json",
                                      timeout)
        return status == 200 and "agentRuntimes" in json.loads(body)
    except (OSError, ValueError, http.client.HTTPException):
        return False


def local_aws_answers(endpoint: str, region: str, timeout: float = 1.0) -> bool:
    """STS GetCallerIdentity, signed for sts (moto routes a request to a service by its signature's scope)."""
    try:
        status, body = signed_request(endpoint + "/", b"Action=GetCallerIdentity&Version=2011-06-15", region, "sts",
                                      "application/x-www-form-urlencoded; charset=utf-8", timeout)
        return status == 200 and b"<Account>" in body
    except (OSError, http.client.HTTPException):
        return False


# The static pair's principal, arn:aws:iam::ACCOUNT:user/local, as the local account's administrator: the local
# AgentCore reads its policies from moto's IAM like any caller's, so without this a deploy's SigV4 smoke call (and any
# invocation with the exported keys) is refused as AWS would refuse a user without policies.
LOCAL_CALLER = "local"
LOCAL_CALLER_POLICY = ('{"Version": "2012-10-17", "Statement": [{"Sid": "LocalStackAdministrator", "Effect": "Allow",'
                       ' "Action": "*", "Resource": "*"}]}')


def grant_local_caller(stack: "Stack") -> bool:
    """Creates IAM user `local` in moto with an inline policy allowing everything (idempotent)."""
    def iam(action: str, **parameters: str) -> tuple[int, bytes]:
        body = urllib.parse.urlencode({"Action": action, "Version": "2010-05-08", **parameters}).encode()
        return signed_request(stack.aws_endpoint + "/", body, stack.region, "iam",
                              "application/x-www-form-urlencoded; charset=utf-8", 10.0)
    try:
        status, body = iam("CreateUser", UserName=LOCAL_CALLER)
        if status != 200 and b"EntityAlreadyExists" not in body:
            return False
        status, _ = iam("PutUserPolicy", UserName=LOCAL_CALLER, PolicyName="local-stack-administrator",
                        PolicyDocument=LOCAL_CALLER_POLICY)
        return status == 200
    except (OSError, http.client.HTTPException):
        return False


# --- processes and ports ----------------------------------------------------------------------------------------

def start_ticks(pid: int) -> int | None:
    """The process's start time (clock ticks since boot): with the pid it names one process, even after pid reuse."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rindex(")") + 2:].split()
    return None if fields[0] == "Z" else int(fields[19])


def alive(pid: int, ticks: int | None) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # someone else's process holds the pid now
    if Path("/proc/self/stat").exists():
        return ticks is not None and start_ticks(pid) == ticks
    return True


def port_free(port: int) -> bool:
    """Free to listen on, as the servers do (SO_REUSEADDR: a closed connection's TIME_WAIT does not count)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((HOST, port))
            return True
        except OSError:
            return False


def port_holder(port: int) -> str:
    """Who listens on the port: 'pid N (command)' from /proc, else from ss or lsof, else 'another process'."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(f"socket:[{fields[9]}]")
    pids = []
    if inodes:
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                if any(os.readlink(fd) in inodes for fd in (proc / "fd").iterdir()):
                    pids.append(int(proc.name))
    if not pids:
        for command in (["ss", "-Hltnp", f"sport = :{port}"], ["lsof", "-nP", f"-iTCP:{port}", "-sTCP:LISTEN", "-t"]):
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                out = subprocess.run(command, capture_output=True, text=True, timeout=5).stdout
                found = [int(p.split("=")[1].split(",")[0]) for p in out.split() if "pid=" in p] if command[0] == "ss" \
                    else [int(p) for p in out.split() if p.isdigit()]
                if found:
                    pids = found
                    break
    if not pids:
        return "another process (not visible to this user)"
    described = []
    for pid in sorted(set(pids)):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            command = ""
        described.append(f"pid {pid}" + (f" ({command[:120]})" if command else ""))
    return ", ".join(described)


def stop_process(pid: int, ticks: int | None, grace: float = STOP_GRACE_SECONDS) -> str:
    """SIGTERM (to its process group: the launcher may have a child), then SIGKILL after the grace period."""
    if not alive(pid, ticks):
        return "not running"

    def send(sig: int) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            if os.getpgid(pid) == pid:
                os.killpg(pid, sig)
            else:
                os.kill(pid, sig)

    send(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not alive(pid, ticks):
            return "stopped"
        time.sleep(0.05)
    send(signal.SIGKILL)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if not alive(pid, ticks):
            return f"killed (no exit {grace:.0f} s after SIGTERM)"
        time.sleep(0.05)
    return "still running after SIGKILL"


# --- the stack --------------------------------------------------------------------------------------------------

@dataclass
class Stack:
    state_dir: Path
    agentcore_port: int
    aws_port: int
    region: str
    account: str

    @property
    def agentcore_endpoint(self) -> str:
        return f"http://{HOST}:{self.agentcore_port}"

    @property
    def aws_endpoint(self) -> str:
        return f"http://{HOST}:{self.aws_port}"

    @property
    def state_file(self) -> Path:
        return self.state_dir / "state.json"

    @property
    def logs(self) -> Path:
        return self.state_dir / "logs"

    def exports(self) -> list[str]:
        return [f"export AWS_ENDPOINT_URL={self.aws_endpoint}",
                f"export AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL={self.agentcore_endpoint}",
                f"export AWS_ENDPOINT_URL_BEDROCK_AGENTCORE={self.agentcore_endpoint}",
                f"export AWS_REGION={self.region}",
                f"export AWS_DEFAULT_REGION={self.region}",
                f"export AWS_ACCESS_KEY_ID={ACCESS_KEY}",
                f"export AWS_SECRET_ACCESS_KEY={SECRET_KEY}",
                "unset AWS_SESSION_TOKEN AWS_PROFILE"]

    def answering(self) -> dict[str, bool]:
        return {"local-agentcore": control_plane_answers(self.agentcore_endpoint, self.region),
                "local-aws": local_aws_answers(self.aws_endpoint, self.region)}


def read_state(state_dir: Path) -> dict | None:
    try:
        return json.loads((state_dir / "state.json").read_text())
    except FileNotFoundError:
        return None
    except ValueError:
        return {"processes": {}}  # unreadable: treated as stale


def stack_of(state_dir: Path, state: dict) -> Stack:
    return Stack(state_dir, state["agentcore_port"], state["aws_port"], state["region"], state["account"])


def write_state(stack: Stack, state: dict) -> None:
    tmp = stack.state_file.with_suffix(".tmp")
    tmp.write_text(json.dumps(state, indent=2) + "\n")
    os.replace(tmp, stack.state_file)


@contextlib.contextmanager
def locked(state_dir: Path):
    """One up or down at a time per state folder: two concurrent ups must not start two stacks."""
    state_dir.mkdir(parents=True, exist_ok=True)
    with open(state_dir / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def print_running(stack: Stack, state: dict, headline: str) -> None:
    processes = state["processes"]
    print(f"local-stack: {headline}")
    print(f"  local AgentCore  {stack.agentcore_endpoint}  pid {processes['local-agentcore']['pid']}"
          f"  (bedrock-agentcore-control and bedrock-agentcore)")
    print(f"  local AWS (moto) {stack.aws_endpoint}  pid {processes['local-aws']['pid']}"
          f"  (CloudFormation, IAM, STS, CloudWatch Logs, ECR, Cognito)")
    print(f"  region {stack.region}, account {stack.account}; state in {display(stack.state_dir)}, logs in"
          f" {display(stack.logs)}")
    print(NOT_AWS)
    print("Export (or eval \"$(make -s local-env)\"):")
    print("\n".join(stack.exports()), flush=True)


def display(path: Path) -> str:
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd()))
    return str(path)


def stop_all(state: dict) -> list[str]:
    """The local AWS first: its CloudFormation calls the AgentCore, never the other way round."""
    out = []
    for name in ("local-aws", "local-agentcore"):
        process = state.get("processes", {}).get(name)
        if process:
            out.append(f"{name} (pid {process['pid']}): {stop_process(process['pid'], process.get('start_ticks'))}")
    return out


def wait_ports_free(ports: list[int], seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while True:
        taken = [p for p in ports if not port_free(p)]
        if not taken or time.monotonic() > deadline:
            return taken
        time.sleep(0.05)


def child_env(stack: Stack) -> dict[str, str]:
    """The caller's environment without its AWS settings (a real profile or key must never reach the stack)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "MOTO_ACCOUNT_ID"}
    env.update(AWS_ACCESS_KEY_ID=ACCESS_KEY, AWS_SECRET_ACCESS_KEY=SECRET_KEY, AWS_REGION=stack.region,
               AWS_DEFAULT_REGION=stack.region, MOTO_ACCOUNT_ID=stack.account,
               AWS_ENDPOINT_URL=stack.aws_endpoint,
               AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=stack.agentcore_endpoint,
               AWS_ENDPOINT_URL_BEDROCK_AGENTCORE=stack.agentcore_endpoint, PYTHONUNBUFFERED="1")
    return env


def launch(command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    if log.exists():
        os.replace(log, log.with_name(log.name + ".1"))  # the previous run's log, one generation kept
    with open(log, "wb") as out:
        # A session of its own: Ctrl-C in the shell that ran `make local-up` must not stop the stack.
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
                                cwd=ROOT, start_new_session=True)


def tail(log: Path, lines: int = 20) -> str:
    with contextlib.suppress(OSError):
        return "\n".join("    " + line for line in log.read_text(errors="replace").splitlines()[-lines:])
    return "    (no log)"


def up(args: argparse.Namespace) -> int:
    requested = Stack(args.state_dir, args.agentcore_port, args.aws_port, args.region, args.account)
    with locked(args.state_dir):
        state = read_state(args.state_dir)
        if state is not None:
            processes = state.get("processes", {})
            running = {name: alive(p["pid"], p.get("start_ticks")) for name, p in processes.items()}
            if len(running) == 2 and all(running.values()):
                stack = stack_of(args.state_dir, state)
                deadline = time.monotonic() + args.timeout
                while not all((answers := stack.answering()).values()):
                    if time.monotonic() > deadline:
                        silent = ", ".join(n for n, ok in answers.items() if not ok)
                        fail(f"the running stack does not answer ({silent}); see {display(stack.logs)}, then"
                             f" `make local-down`")
                    time.sleep(0.1)
                if (stack.agentcore_port, stack.aws_port) != (requested.agentcore_port, requested.aws_port):
                    print(f"local-stack: note: the running stack keeps its ports; `make local-down` first to use"
                          f" {requested.agentcore_port} and {requested.aws_port}")
                print_running(stack, state, "already running (found the stack started at "
                                            f"{state.get('started_at', '?')}; nothing started)")
                return 0
            print("local-stack: a stale state (a process of the last stack is gone): cleaning it up")
            for line in stop_all(state):
                print("  " + line)
            (args.state_dir / "state.json").unlink(missing_ok=True)
        return start(requested, args)


class Interrupted(Exception):
    """A part exited or did not answer in time: (its name, what happened)."""


def wait_until_ready(children: dict, probes: dict, ready: dict[str, float], began: float, deadline: float,
                     timeout: float) -> None:
    while len(ready) < 2:
        for name, probe in probes.items():
            if name in ready:
                continue
            if children[name].poll() is not None:
                raise Interrupted(name, f"exited with code {children[name].returncode} before answering")
            if probe():
                ready[name] = time.monotonic() - began
        if len(ready) < 2:
            if time.monotonic() > deadline:
                raise Interrupted(next(n for n in probes if n not in ready), f"did not answer within {timeout:.0f} s")
            time.sleep(0.02)


def agentcore_wiring(stack: Stack) -> list[str]:
    """The local AgentCore meets the local AWS as AgentCore meets AWS: callers' and execution roles' policies and STS
    credentials from moto's IAM and STS, user pools from its Cognito (--aws-endpoint); images from the stack's own
    folder, where the deploy tool pushes them (--image-dir). LOCAL_AGENTCORE_ARGS adds options or replaces these."""
    extra = shlex.split(os.environ.get("LOCAL_AGENTCORE_ARGS", ""))
    wiring = []
    if not any(a == "--aws-endpoint" or a.startswith("--aws-endpoint=") for a in extra):
        wiring += ["--aws-endpoint", stack.aws_endpoint]
    if not any(a in ("--image-dir", "--state-dir") or a.startswith(("--image-dir=", "--state-dir=")) for a in extra):
        wiring += ["--image-dir", str(stack.state_dir / "images")]
    return wiring + extra


def start(stack: Stack, args: argparse.Namespace) -> int:
    if stack.agentcore_port == stack.aws_port:
        fail(f"the local AgentCore and the local AWS need two ports, both are {stack.aws_port}")
    for name, port, variable in (("local AgentCore", stack.agentcore_port, "LOCAL_AGENTCORE_PORT"),
                                 ("local AWS", stack.aws_port, "LOCAL_AWS_PORT")):
        if not port_free(port):
            fail(f"port {port} for the {name} is in use by {port_holder(port)}; stop it or choose another port"
                 f" with {variable}=N")
    launcher = ROOT / "infra/local-agentcore/bin/local-agentcore"
    python = Path(args.python)
    if not python.is_file():
        fail(f"{python} is missing: run `make tools` (the local AWS is moto, pinned in requirements-dev.txt)")
    stack.logs.mkdir(parents=True, exist_ok=True)
    env = child_env(stack)
    agentcore_command = [str(launcher), "--port", str(stack.agentcore_port), "--host", HOST, "--region", stack.region,
                         "--account-id", stack.account, *agentcore_wiring(stack)]
    aws_command = [str(python), str(ROOT / "infra/local-aws/run.py"), "--host", HOST, "--port", str(stack.aws_port),
                   "--agentcore-endpoint", stack.agentcore_endpoint]
    logs = {"local-agentcore": stack.logs / "local-agentcore.log", "local-aws": stack.logs / "local-aws.log"}
    began = time.monotonic()
    # Both at once: the ports are fixed, so the local AWS knows the AgentCore's endpoint before it answers.
    children = {"local-agentcore": launch(agentcore_command, logs["local-agentcore"], env),
                "local-aws": launch(aws_command, logs["local-aws"], env)}
    state = {"started_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
             "agentcore_port": stack.agentcore_port, "aws_port": stack.aws_port, "region": stack.region,
             "account": stack.account,
             "processes": {name: {"pid": child.pid, "start_ticks": start_ticks(child.pid), "log": str(logs[name]),
                                  "command": command}
                           for (name, child), command in zip(children.items(), (agentcore_command, aws_command))}}
    write_state(stack, state)  # before waiting: a `local-down` meanwhile finds what to stop
    probes = {"local-agentcore": lambda: control_plane_answers(stack.agentcore_endpoint, stack.region),
              "local-aws": lambda: local_aws_answers(stack.aws_endpoint, stack.region)}
    ready: dict[str, float] = {}
    deadline = began + args.timeout
    problem = None
    try:
        wait_until_ready(children, probes, ready, began, deadline, args.timeout)
    except Interrupted as stopped:
        problem = stopped.args
    except KeyboardInterrupt:
        problem = ("local-agentcore" if "local-agentcore" not in ready else "local-aws", "start was interrupted (Ctrl-C)")
    if problem:
        name, what = problem
        for line in stop_all(state):
            print("  " + line, file=sys.stderr)
        stack.state_file.unlink(missing_ok=True)
        print(f"local-stack: the {name} {what}; its log ({display(logs[name])}) ends with:\n{tail(logs[name])}",
              file=sys.stderr)
        return 1
    elapsed = max(ready.values())
    if not grant_local_caller(stack):
        for line in stop_all(state):
            print("  " + line, file=sys.stderr)
        stack.state_file.unlink(missing_ok=True)
        print("local-stack: the local AWS refused to create the caller 'local' (see its log); nothing is running",
              file=sys.stderr)
        return 1
    state["ready_seconds"] = {name: round(seconds, 3) for name, seconds in ready.items()}
    write_state(stack, state)
    print_running(stack, state, f"up in {elapsed:.2f} s (local AgentCore {ready['local-agentcore']:.2f} s,"
                                f" local AWS {ready['local-aws']:.2f} s)")
    return 0


def down(args: argparse.Namespace) -> int:
    with locked(args.state_dir):
        state = read_state(args.state_dir)
        if state is None:
            print("local-stack: nothing running (no state in "
                  f"{display(args.state_dir)}); nothing to stop")
            return 0
        for line in stop_all(state):
            print("  " + line)
        ports = [p for p in (state.get("agentcore_port"), state.get("aws_port")) if p]
        taken = wait_ports_free(ports, 10)
        (args.state_dir / "state.json").unlink(missing_ok=True)
        if taken:
            fail("stopped, but port(s) " + ", ".join(f"{p} (held by {port_holder(p)})" for p in taken)
                 + " are still in use")
        print(f"local-stack: down; ports {', '.join(map(str, ports))} free; logs kept in"
              f" {display(args.state_dir / 'logs')}")
        return 0


def status(args: argparse.Namespace) -> int:
    state = read_state(args.state_dir)
    if state is None:
        print("local-stack: not running (`make local-up` starts it)")
        return EXIT_NOT_RUNNING
    stack = stack_of(args.state_dir, state)
    answers = stack.answering()
    healthy = True
    print(f"local-stack: started at {state.get('started_at', '?')}; logs in {display(stack.logs)}")
    for name, endpoint in (("local-agentcore", stack.agentcore_endpoint), ("local-aws", stack.aws_endpoint)):
        process = state["processes"].get(name, {})
        running = bool(process) and alive(process["pid"], process.get("start_ticks"))
        healthy &= running and answers[name]
        print(f"  {name:<16} {endpoint}  pid {process.get('pid', '?')}  "
              f"{'running' if running else 'NOT RUNNING'}, {'answering' if answers[name] else 'NOT ANSWERING'}")
    if not healthy:
        print("local-stack: unhealthy: `make local-up` cleans a stale stack and starts anew")
        return 1
    return 0


def env(args: argparse.Namespace) -> int:
    state = read_state(args.state_dir)
    if state is None:
        fail("not running: `make local-up` starts it", EXIT_NOT_RUNNING)
    print("\n".join(stack_of(args.state_dir, state).exports()))
    return 0


def port_of(variable: str, default: int) -> int:
    value = os.environ.get(variable) or str(default)
    if not value.isdigit() or not 0 < int(value) < 65536:
        fail(f"{variable}={value}: not a port (1 to 65535)", 2)
    return int(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="local-stack", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["up", "down", "status", "env"])
    parser.add_argument("--agentcore-port", type=int, default=None,
                        help=f"default $LOCAL_AGENTCORE_PORT, else {DEFAULT_AGENTCORE_PORT}")
    parser.add_argument("--aws-port", type=int, default=None, help=f"default $LOCAL_AWS_PORT, else {DEFAULT_AWS_PORT}")
    parser.add_argument("--state-dir", type=Path, default=ROOT / ".agentcore/local",
                        help="pids and state, and logs/ (default .agentcore/local)")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--account", default="123456789012", help="the local account (moto's MOTO_ACCOUNT_ID)")
    parser.add_argument("--python", default=str(ROOT / ".venv/bin/python"), help="the Python that has moto")
    parser.add_argument("--timeout", type=float, default=90,
                        help="seconds to wait for both to answer (the first run records the AgentCore's start-up cache)")
    args = parser.parse_args(argv)
    args.agentcore_port = args.agentcore_port or port_of("LOCAL_AGENTCORE_PORT", DEFAULT_AGENTCORE_PORT)
    args.aws_port = args.aws_port or port_of("LOCAL_AWS_PORT", DEFAULT_AWS_PORT)
    args.state_dir = args.state_dir.resolve()
    return {"up": up, "down": down, "status": status, "env": env}[args.command](args)


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
