"""The real parts as processes on free ports: the local AgentCore (java -jar of infra/local-agentcore's jar) and the
local AWS (infra/local-aws/run.py). Nothing is mocked; a missing jar or JDK fails the tests with how to get it."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import boto3

LOCAL_AWS = Path(__file__).resolve().parents[1]
REPOSITORY = LOCAL_AWS.parents[1]
JAR_ENV = "LOCAL_AGENTCORE_JAR"
ACCOUNT = "123456789012"
REGION = "us-east-1"


def java() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and Path(home, "bin", "java").is_file():
        return str(Path(home, "bin", "java"))
    found = shutil.which("java")
    if not found:
        raise AssertionError("no java: set JAVA_HOME to a JDK 21 or newer")
    return found


def agentcore_jar() -> Path:
    jar = Path(os.environ.get(JAR_ENV) or REPOSITORY / "infra/local-agentcore/target/local-agentcore.jar")
    if not jar.is_file():
        raise AssertionError(f"{jar} is missing: build it with ./mvnw install -DskipTests -pl infra/local-agentcore"
                             f" -am (or set {JAR_ENV})")
    return jar


class Process:
    """A child process whose first line names its endpoint; stopped with SIGTERM, its output kept for failures."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], marker: str, timeout: float = 60) -> None:
        self.name = name
        self.lines: list[str] = []
        self.process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, cwd=REPOSITORY)
        first: queue.Queue[str | None] = queue.Queue()

        def pump() -> None:
            assert self.process.stdout is not None
            for line in self.process.stdout:
                self.lines.append(line.rstrip("\n"))
                if marker in line:
                    first.put(line)
            first.put(None)

        self.pump = threading.Thread(target=pump, daemon=True)
        self.pump.start()
        try:
            line = first.get(timeout=timeout)
        except queue.Empty:
            line = None
        if line is None:
            self.stop()
            raise AssertionError(f"{name} did not start:\n" + "\n".join(self.lines))
        self.endpoint = line[line.index("http://"):].split()[0].rstrip(",")

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.pump.join(timeout=10)
        if self.process.stdout is not None and not self.pump.is_alive():
            self.process.stdout.close()
        return self.process.returncode

    def output(self) -> str:
        return "\n".join(self.lines)


def clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_") and k != "MOTO_ACCOUNT_ID"}
    env.update(AWS_ACCESS_KEY_ID="local", AWS_SECRET_ACCESS_KEY="local", AWS_REGION=REGION,
               AWS_DEFAULT_REGION=REGION)
    return env


def start_agentcore() -> Process:
    return Process("local AgentCore",
                   [java(), "-jar", str(agentcore_jar()), "--port", "0", "--region", REGION, "--account-id", ACCOUNT,
                    "--provisioning-delay", "50",
                    # The templates' image URIs are placeholders: these tests are about CloudFormation, not images.
                    "--check-images", "false"],
                   clean_env(), "listening on")


def start_local_aws(agentcore_endpoint: str, *extra: str) -> Process:
    env = clean_env()
    env["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL"] = agentcore_endpoint
    return Process("local AWS", [sys.executable, str(LOCAL_AWS / "run.py"), "--port", "0", *extra], env,
                   "listening on")


@dataclass
class LocalStack:
    agentcore: Process
    aws: Process

    def client(self, service: str):
        endpoint = self.agentcore.endpoint if service == "bedrock-agentcore-control" else self.aws.endpoint
        return boto3.session.Session().client(service, region_name=REGION, endpoint_url=endpoint,
                                              aws_access_key_id="local", aws_secret_access_key="local")

    def stop(self) -> None:
        self.aws.stop()
        self.agentcore.stop()


def start() -> LocalStack:
    agentcore = start_agentcore()
    try:
        return LocalStack(agentcore, start_local_aws(agentcore.endpoint))
    except BaseException:
        agentcore.stop()
        raise


def deploy(cfn, stack_name: str, template: str, parameters: dict[str, str], change_set_type: str) -> dict:
    """A change set, as the deploy tool makes one: the type is always explicit (moto defaults to CREATE)."""
    created = cfn.create_change_set(
        StackName=stack_name, ChangeSetName=f"{stack_name}-{time.monotonic_ns()}", TemplateBody=template,
        ChangeSetType=change_set_type, Capabilities=["CAPABILITY_NAMED_IAM"],
        Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()])
    cfn.execute_change_set(ChangeSetName=created["Id"], StackName=stack_name)
    stack = cfn.describe_stacks(StackName=stack_name)["Stacks"][0]
    return {"status": stack["StackStatus"], "outputs": {o["OutputKey"]: o["OutputValue"]
                                                        for o in stack.get("Outputs", [])}}
