"""make demo: the seed's story, offline, in one command.

An engineer deploys an MCP server and an agent to AgentCore with an execution role copied from a tutorial, whose
workload-identity grant still reads `.../workload-identity/agentName-*`. Every MCP client gets 403. This script
replays it on the local AgentCore (no AWS account) and shows what this repository gives that engineer:

  1. the local stack (the local AgentCore and moto), on free ports;
  2. the blueprint with the tutorial's grant, deployed as the engineer did it (no lint, no smoke call);
  3. a client-credentials token from the local Cognito, `tools/list` -> 403 as AWS answers it;
  4. agentcore-invoke: its diagnosis names the execution role, the grant and the policy-lint command;
  5. policy-lint: it points at agentName-* and says what the grant should read;
  6. the fixed role, redeployed with lint and smoke calls;
  7. `tools/list` -> the tool list, then a streamed answer from hello_agent over OAuth;
  8. everything stopped.

Each step says what it expects and checks it; the script exits non-zero at the first step that does not behave as
told. It works on a scratch copy of the repository's deploy inputs (infra/ templates and environment, runtimes.json)
under .agentcore/demo/, with the modules linked, so the repository itself is never edited. Run it with the
repository's .venv Python (boto3 reads the machine client's secret from the local Cognito, as an operator would
with the AWS CLI).
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "clients/agentcore-deploy/bin/agentcore-deploy"
INVOKE = ROOT / "clients/agentcore-cli/bin/agentcore-invoke"
POLICY_LINT = ROOT / "policy-lint/policy-lint/bin/policy-lint"
LOCAL_STACK = ROOT / "scripts/local_stack.py"
ENVIRONMENT = "demo"
REGION = "us-east-1"
# Where the tutorial's grant goes: the execution role's workload-token statement of infra/templates/runtime.yaml.
GRANT_SID = "Sid: WorkloadAccessTokenOwnIdentity"
OWN_IDENTITY = "workload-identity/${RuntimeName}-*"
TUTORIAL_IDENTITY = "workload-identity/agentName-*"
# The deploy inputs the scratch copy owns; everything else at the root is linked.
COPIED = ("runtimes.json", "infra")
NOT_LINKED = {".git", ".agentcore", "target"}


class StepFailed(Exception):
    pass


class Demo:
    def __init__(self, work: Path, python: str, timeout: float) -> None:
        self.work = work
        self.python = python
        self.timeout = timeout
        self.agentcore_port = free_port()
        self.aws_port = free_port()
        self.started = time.monotonic()
        self.step_no = 0
        self.state: dict = {}
        self.echo: dict = {}
        self.secret = ""

    # ---- output -----------------------------------------------------------------------------------------------

    def step(self, title: str) -> None:
        self.step_no += 1
        print(f"\n\033[1m[{self.step_no}/8] {title}\033[0m  (+{time.monotonic() - self.started:.1f} s)", flush=True)

    @staticmethod
    def say(text: str) -> None:
        print(f"    {text}", flush=True)

    @staticmethod
    def show(output: str, limit: int = 40) -> None:
        lines = output.rstrip("\n").splitlines()
        for line in lines[:limit]:
            print(f"    | {line}")
        if len(lines) > limit:
            print(f"    | ... ({len(lines) - limit} more lines)")

    # ---- environment ------------------------------------------------------------------------------------------

    @property
    def agentcore(self) -> str:
        return f"http://127.0.0.1:{self.agentcore_port}"

    @property
    def aws(self) -> str:
        return f"http://127.0.0.1:{self.aws_port}"

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "AGENTCORE_"))}
        env.update(AWS_ENDPOINT_URL=self.aws, AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL=self.agentcore,
                   AWS_ENDPOINT_URL_BEDROCK_AGENTCORE=self.agentcore, AWS_REGION=REGION, AWS_DEFAULT_REGION=REGION,
                   AWS_ACCESS_KEY_ID="local", AWS_SECRET_ACCESS_KEY="local")
        env.update(extra)
        return env

    def run(self, command: list[str], expect: set[int], what: str, cwd: Path | None = None,
            env: dict[str, str] | None = None, show: bool = True) -> subprocess.CompletedProcess:
        done = subprocess.run([str(c) for c in command], cwd=cwd or self.work, env=env or self.env(),
                              capture_output=True, text=True, timeout=self.timeout)
        output = done.stdout + (("\n" + done.stderr) if done.stderr.strip() else "")
        if show:
            self.show(output)
        if done.returncode not in expect:
            raise StepFailed(f"{what}: exit {done.returncode}, expected {sorted(expect)}\n{output}")
        return done

    # ---- the story --------------------------------------------------------------------------------------------

    def prepare(self) -> None:
        """A scratch copy of the deploy inputs with the modules linked: the repository is never edited."""
        if self.work.exists():
            shutil.rmtree(self.work)
        self.work.mkdir(parents=True)
        for entry in ROOT.iterdir():
            if entry.name in NOT_LINKED or entry.name in COPIED:
                continue
            (self.work / entry.name).symlink_to(entry)
        infra = self.work / "infra"
        infra.mkdir()
        for entry in (ROOT / "infra").iterdir():
            if entry.name in ("templates", "env", "stacks.json"):
                (shutil.copytree if entry.is_dir() else shutil.copy2)(entry, infra / entry.name)
            else:
                (infra / entry.name).symlink_to(entry)
        sandbox = json.loads((infra / "env/sandbox.params.json").read_text())
        sandbox["stackPrefix"] = "seed"
        sandbox.setdefault("parameters", {}).setdefault("cognito", {})["DomainPrefix"] = "seed-demo"
        (infra / f"env/{ENVIRONMENT}.params.json").write_text(json.dumps(sandbox, indent=2) + "\n")
        # The seed's two runtimes, both behind the Cognito JWT authorizer; the agent calls Bedrock, which the local
        # AWS gateway answers from its local model, under the role's own grant.
        manifest = json.loads((ROOT / "runtimes.json").read_text())
        keep = {"hello_agent", "mcp_echo"}
        runtimes = [r for r in manifest["runtimes"] if r["name"] in keep]
        for runtime in runtimes:
            runtime["auth"] = "JWT"
            runtime.pop("endpoints", None)
        if {r["name"] for r in runtimes} != keep:
            raise StepFailed(f"runtimes.json no longer lists {sorted(keep)}")
        manifest["runtimes"] = runtimes
        (self.work / "runtimes.json").write_text(json.dumps(manifest, indent=2) + "\n")

    def start_stack(self) -> None:
        self.step("Start the local AgentCore and the local AWS (no AWS account)")
        self.run([self.python, LOCAL_STACK, "up", "--state-dir", self.work / ".agentcore/local",
                  "--agentcore-port", str(self.agentcore_port), "--aws-port", str(self.aws_port)], {0},
                 "make local-up", cwd=ROOT)

    def copy_the_tutorial(self) -> None:
        self.step("Deploy with the execution role a tutorial gave the engineer (workload-identity/agentName-*)")
        template = self.work / "infra/templates/runtime.yaml"
        text = template.read_text()
        at = text.index(GRANT_SID)
        grant = text.index(OWN_IDENTITY, at)
        template.write_text(text[:grant] + TUTORIAL_IDENTITY + text[grant + len(OWN_IDENTITY):])
        self.say(f"runtime.yaml, statement {GRANT_SID.split(': ')[1]}: {OWN_IDENTITY} -> {TUTORIAL_IDENTITY}")
        self.say("deployed as the engineer did: no policy-lint, no smoke call")
        self.run([DEPLOY, "deploy", "--root", self.work, "--target", "local", "--env", ENVIRONMENT,
                  "--no-lint", "--no-smoke"], {0}, "the first deploy")
        self.state = json.loads((self.work / ".agentcore/state.json").read_text())
        self.echo = runtime(self.state, "mcp_echo")
        self.say(f"mcp_echo is {self.echo['agentRuntimeId']}; its role may get workload tokens for agentName-* only")

    def token(self) -> str:
        """Client credentials from the local Cognito, the machine client's secret read as an operator would."""
        import boto3
        cognito = self.state["cognito"]
        client = boto3.client("cognito-idp", endpoint_url=self.aws, region_name=REGION, aws_access_key_id="local",
                              aws_secret_access_key="local")
        self.secret = client.describe_user_pool_client(UserPoolId=cognito["userPoolId"],
                                                       ClientId=cognito["clientId"])["UserPoolClient"]["ClientSecret"]
        body = urllib.parse.urlencode({"grant_type": "client_credentials", "scope": " ".join(cognito["scopes"])})
        request = urllib.request.Request(cognito["domain"].rstrip("/") + "/oauth2/token", data=body.encode(),
                                         method="POST")
        request.add_header("Content-Type", "application/x-www-form-urlencoded")
        basic = f"{cognito['clientId']}:{self.secret}".encode()
        request.add_header("Authorization", "Basic " + base64.b64encode(basic).decode())
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())["access_token"]

    def tools_list(self, token: str) -> tuple[int, object, str]:
        arn = urllib.parse.quote(self.echo["agentRuntimeArn"], safe="")
        request = urllib.request.Request(f"{self.agentcore}/runtimes/{arn}/invocations?qualifier=DEFAULT", method="POST",
                                         data=json.dumps({"jsonrpc": "2.0", "id": 1, "method": "tools/list"}).encode())
        request.add_header("Authorization", f"Bearer {token}")
        request.add_header("Content-Type", "application/json")
        request.add_header("Accept", "application/json, text/event-stream")
        request.add_header("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", "seed-demo-session-000000000000000000001")
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status, answer.headers, answer.read().decode()
        except urllib.error.HTTPError as refused:
            return refused.code, refused.headers, refused.read().decode()

    def the_403(self) -> None:
        self.step("Get a token (client credentials) and call tools/list, as any MCP client would")
        token = self.token()
        self.say(f"token from {self.state['cognito']['domain']}/oauth2/token (cut: {token[:12]}...)")
        status, headers, body = self.tools_list(token)
        self.say(f"HTTP {status}, x-amzn-ErrorType: {headers.get('x-amzn-ErrorType')}")
        self.show(body)
        if status != 403 or "GetWorkloadAccessTokenForJWT" not in body:
            raise StepFailed(f"expected 403 naming GetWorkloadAccessTokenForJWT, got {status}: {body}")

    def the_diagnosis(self) -> None:
        self.step("Ask agentcore-invoke: its diagnosis names the role, the grant and the next step")
        done = self.run([INVOKE, "mcp", "tools", "mcp_echo"], {3}, "agentcore-invoke mcp tools",
                        env=self.env(AGENTCORE_CLIENT_SECRET=self.secret))
        output = done.stdout + done.stderr
        for expected in ("AC230", "GetWorkloadAccessTokenForJWT", "policy-lint", self.echo["agentRuntimeId"]):
            if expected not in output:
                raise StepFailed(f"the diagnosis does not mention {expected!r}")

    def the_lint(self) -> None:
        self.step("Run policy-lint with the deployed runtimes: it points at agentName-* and says what to write")
        done = self.run([POLICY_LINT, "--no-config", "--runtimes", self.work / ".agentcore/state.json",
                         self.work / "infra/templates/runtime.yaml"], {1}, "policy-lint")
        # runtime.yaml serves every runtime (its RuntimeName parameter), so the fix names the deployed ones.
        if "agentName" not in done.stdout or not any(f"{name}-*" in done.stdout for name in ("mcp_echo", "hello_agent")):
            raise StepFailed("policy-lint did not point at agentName-* with a deployed runtime's name and -*")

    def the_fix(self) -> None:
        self.step("Fix the grant and redeploy, with policy-lint before and smoke calls after")
        shutil.copy2(ROOT / "infra/templates/runtime.yaml", self.work / "infra/templates/runtime.yaml")
        self.say(f"runtime.yaml: {TUTORIAL_IDENTITY} -> {OWN_IDENTITY} (the runtime's own name, from runtimes.json)")
        self.run([DEPLOY, "deploy", "--root", self.work, "--target", "local", "--env", ENVIRONMENT], {0},
                 "the second deploy")

    def the_answers(self) -> None:
        self.step("Call tools/list again, then stream an answer from hello_agent over OAuth")
        token = self.token()
        # IAM is eventually consistent (the local AgentCore keeps a role's policies for 5 s, as AWS takes seconds).
        deadline = time.monotonic() + 20
        while True:
            status, _, body = self.tools_list(token)
            if status == 200 or time.monotonic() > deadline:
                break
            time.sleep(1)
        self.say(f"HTTP {status}")
        self.show(body)
        if status != 200 or '"echo"' not in body:
            raise StepFailed(f"expected the tool list, got {status}: {body}")
        done = self.run([INVOKE, "agent", "hello_agent", "--prompt", "What did the role need?"], {0},
                        "agentcore-invoke agent", env=self.env(AGENTCORE_CLIENT_SECRET=self.secret))
        if "You said" not in done.stdout:
            raise StepFailed("hello_agent did not stream its answer")

    def stop(self) -> None:
        self.step("Stop everything")
        self.run([self.python, LOCAL_STACK, "down", "--state-dir", self.work / ".agentcore/local"], {0},
                 "make local-down", cwd=ROOT)


def runtime(state: dict, name: str) -> dict:
    for entry in state.get("runtimes", []):
        if entry.get("name") == name:
            return entry
    raise StepFailed(f"the state file has no runtime {name}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=ROOT / ".agentcore/demo",
                        help="the scratch copy of the deploy inputs (default .agentcore/demo, replaced)")
    parser.add_argument("--python", default=sys.executable, help="the Python with moto and boto3 (.venv)")
    parser.add_argument("--timeout", type=float, default=600, help="seconds any one command may take")
    args = parser.parse_args()
    for tool in (DEPLOY, INVOKE, POLICY_LINT):
        if not tool.is_file():
            print(f"error: {tool} is missing; run `make demo` (it builds the tools first)", file=sys.stderr)
            return 2
    demo = Demo(args.work.resolve(), args.python, args.timeout)
    print("The seed's story, on the local AgentCore: for development and tests only, no AWS account is used.")
    demo.prepare()
    stack_started = False
    try:
        demo.start_stack()
        stack_started = True
        demo.copy_the_tutorial()
        demo.the_403()
        demo.the_diagnosis()
        demo.the_lint()
        demo.the_fix()
        demo.the_answers()
        demo.stop()
        stack_started = False
    except (StepFailed, subprocess.TimeoutExpired, OSError, KeyError, ValueError) as failure:
        print(f"\n\033[1mdemo: step {demo.step_no} did not behave as told:\033[0m {failure}", file=sys.stderr)
        return 1
    finally:
        if stack_started:
            subprocess.run([args.python, str(LOCAL_STACK), "down", "--state-dir", str(demo.work / ".agentcore/local")],
                           cwd=ROOT, capture_output=True, timeout=120)
    print(f"\ndemo: every step behaved as told, in {time.monotonic() - demo.started:.1f} s "
          f"(logs in {demo.work / '.agentcore/local/logs'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
