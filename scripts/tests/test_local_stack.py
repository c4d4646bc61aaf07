"""scripts/local_stack.py (make local-up, local-status, local-env, local-down) driven as a user drives it: the real
launcher and moto as processes, on free ports and in a temporary state folder, so a developer's running stack is never
touched. Run with the repository's .venv (boto3 checks the printed exports); the script itself is run with the
system's python3, as make runs it. Nothing is mocked and nothing skips."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
from unittest import mock
from pathlib import Path

import boto3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SCRIPTS = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(SCRIPTS))
import local_stack  # noqa: E402

SCRIPT = SCRIPTS / "local_stack.py"
PYTHON3 = shutil.which("python3") or sys.executable
EXPORT = re.compile(r"^export (\w+)=(\S+)$", re.M)

TEMPLATE = """
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: local_stack_agent_role
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: bedrock-agentcore.amazonaws.com}, Action: sts:AssumeRole}]
  Runtime:
    Type: AWS::BedrockAgentCore::Runtime
    Properties:
      AgentRuntimeName: local_stack_agent
      AgentRuntimeArtifact: {ContainerConfiguration: {ContainerUri: !Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/hello:1"}}
      RoleArn: !GetAtt Role.Arn
      NetworkConfiguration: {NetworkMode: PUBLIC}
Outputs:
  RuntimeId: {Value: !GetAtt Runtime.AgentRuntimeId}
"""


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


class LocalStackTest(unittest.TestCase):

    def setUp(self) -> None:
        self.state_dir = Path(tempfile.mkdtemp(prefix="local-stack-test-"))
        self.agentcore_port, self.aws_port = free_ports(2)
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith("AWS_") and k not in ("LOCAL_AGENTCORE_PORT", "LOCAL_AWS_PORT")}
        # The runtime these tests create through CloudFormation names a placeholder image: check it at session start.
        self.env["LOCAL_AGENTCORE_ARGS"] = "--check-images false"

    def tearDown(self) -> None:
        self.run_script("down")  # whatever a failed test left running
        shutil.rmtree(self.state_dir, ignore_errors=True)

    def run_script(self, command: str, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([PYTHON3, str(SCRIPT), command, "--state-dir", str(self.state_dir),
                               "--agentcore-port", str(self.agentcore_port), "--aws-port", str(self.aws_port), *extra],
                              env=self.env, capture_output=True, text=True, timeout=180)

    def assert_ok(self, run: subprocess.CompletedProcess) -> str:
        self.assertEqual(run.returncode, 0, f"exit {run.returncode}\n{run.stdout}\n{run.stderr}")
        return run.stdout

    def state(self) -> dict:
        return json.loads((self.state_dir / "state.json").read_text())

    def assert_ports_free(self) -> None:
        for port in (self.agentcore_port, self.aws_port):
            self.assertTrue(local_stack.port_free(port), f"port {port} still in use")

    def test_up_status_up_again_use_down(self) -> None:
        first = self.assert_ok(self.run_script("up"))
        self.assertRegex(first, r"local-stack: up in \d+\.\d\d s")
        self.assertIn("No AWS account is used; this is for development and tests, production is AWS AgentCore Runtime.",
                      first)
        exports = dict(EXPORT.findall(first))
        agentcore, aws = f"http://127.0.0.1:{self.agentcore_port}", f"http://127.0.0.1:{self.aws_port}"
        self.assertEqual(exports, {"AWS_ENDPOINT_URL": aws, "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL": agentcore,
                                   "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE": agentcore, "AWS_REGION": "us-east-1",
                                   "AWS_DEFAULT_REGION": "us-east-1", "AWS_ACCESS_KEY_ID": "local",
                                   "AWS_SECRET_ACCESS_KEY": "local"})
        pids = {name: p["pid"] for name, p in self.state()["processes"].items()}

        status = self.assert_ok(self.run_script("status"))
        self.assertEqual(status.count("running, answering"), 2, status)

        again = self.assert_ok(self.run_script("up"))
        self.assertIn("already running", again)
        self.assertIn("nothing started", again)
        self.assertEqual(dict(EXPORT.findall(again)), exports)
        self.assertEqual({name: p["pid"] for name, p in self.state()["processes"].items()}, pids)
        self.assertEqual(dict(EXPORT.findall(self.assert_ok(self.run_script("env")))), exports)

        # The printed environment is all a client needs: a stack in moto's CloudFormation creates a runtime in the
        # local AgentCore's control plane.
        session = boto3.session.Session(aws_access_key_id=exports["AWS_ACCESS_KEY_ID"],
                                        aws_secret_access_key=exports["AWS_SECRET_ACCESS_KEY"],
                                        region_name=exports["AWS_REGION"])
        sts = session.client("sts", endpoint_url=exports["AWS_ENDPOINT_URL"])
        self.assertEqual(sts.get_caller_identity()["Account"], "123456789012")
        cfn = session.client("cloudformation", endpoint_url=exports["AWS_ENDPOINT_URL"])
        change_set = cfn.create_change_set(StackName="local-stack-test", ChangeSetName="create", TemplateBody=TEMPLATE,
                                           ChangeSetType="CREATE", Capabilities=["CAPABILITY_NAMED_IAM"])
        cfn.execute_change_set(ChangeSetName=change_set["Id"], StackName="local-stack-test")
        stack = cfn.describe_stacks(StackName="local-stack-test")["Stacks"][0]
        self.assertEqual(stack["StackStatus"], "CREATE_COMPLETE")
        runtime_id = {o["OutputKey"]: o["OutputValue"] for o in stack["Outputs"]}["RuntimeId"]
        self.assertRegex(runtime_id, r"^local_stack_agent-[a-zA-Z0-9]{10}$")
        control = session.client("bedrock-agentcore-control",
                                 endpoint_url=exports["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL"])
        runtimes = {r["agentRuntimeId"]: r["status"] for r in control.list_agent_runtimes()["agentRuntimes"]}
        self.assertEqual(runtimes, {runtime_id: "READY"})

        # The local AgentCore reads the local AWS as AgentCore reads AWS: a key moto's IAM issued signs a call to it.
        iam = session.client("iam", endpoint_url=exports["AWS_ENDPOINT_URL"])
        iam.create_user(UserName="local-stack-operator")
        key = iam.create_access_key(UserName="local-stack-operator")["AccessKey"]
        operator = boto3.session.Session(aws_access_key_id=key["AccessKeyId"], aws_secret_access_key=key["SecretAccessKey"],
                                         region_name=exports["AWS_REGION"])
        listed = operator.client("bedrock-agentcore-control",
                                 endpoint_url=exports["AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL"]).list_agent_runtimes()
        self.assertEqual([r["agentRuntimeId"] for r in listed["agentRuntimes"]], [runtime_id])
        # The exported static pair is the local account's administrator, in moto's IAM where anyone can read it, so
        # the local AgentCore lets it invoke (a deploy's SigV4 smoke call) as AWS lets an administrator.
        self.assertIn("LocalStackAdministrator", json.dumps(
            iam.get_user_policy(UserName="local", PolicyName="local-stack-administrator")["PolicyDocument"]))
        # ...and takes images from the stack's folder, where the deploy tool pushes them.
        self.assertIn(f"--image-dir {self.state_dir / 'images'}", " ".join(self.state()["processes"]["local-agentcore"]["command"]))

        down = self.assert_ok(self.run_script("down"))
        self.assertIn(f"ports {self.agentcore_port}, {self.aws_port} free", down)
        self.assert_ports_free()
        for pid in pids.values():
            self.assertFalse(local_stack.alive(pid, local_stack.start_ticks(pid)), f"pid {pid} still runs")
        self.assertFalse((self.state_dir / "state.json").exists())
        self.assertIn("listening on", (self.state_dir / "logs/local-agentcore.log").read_text())
        self.assertIn("listening on", (self.state_dir / "logs/local-aws.log").read_text())

        self.assertIn("nothing running", self.assert_ok(self.run_script("down")))
        not_running = self.run_script("status")
        self.assertEqual(not_running.returncode, local_stack.EXIT_NOT_RUNNING, not_running.stdout)

    def test_a_stale_state_is_cleaned_and_the_stack_started_anew(self) -> None:
        gone = subprocess.Popen(["true"])
        gone.wait()
        self.state_dir.mkdir(exist_ok=True)
        (self.state_dir / "state.json").write_text(json.dumps({
            "agentcore_port": self.agentcore_port, "aws_port": self.aws_port, "region": "us-east-1",
            "account": "123456789012",
            "processes": {"local-agentcore": {"pid": gone.pid, "start_ticks": 1},
                          "local-aws": {"pid": gone.pid, "start_ticks": 1}}}))
        out = self.assert_ok(self.run_script("up"))
        self.assertIn("a stale state", out)
        self.assertIn("up in", out)
        self.assertNotIn(gone.pid, [p["pid"] for p in self.state()["processes"].values()])
        self.assertEqual(self.assert_ok(self.run_script("status")).count("running, answering"), 2)
        self.assert_ok(self.run_script("down"))
        self.assert_ports_free()

    def test_a_taken_port_names_its_holder_and_starts_nothing(self) -> None:
        with socket.socket() as holder:
            holder.bind(("127.0.0.1", self.aws_port))
            holder.listen()
            refused = self.run_script("up")
        self.assertEqual(refused.returncode, 1, refused.stdout)
        self.assertIn(f"port {self.aws_port} for the local AWS is in use by pid {os.getpid()}", refused.stderr)
        self.assertIn("LOCAL_AWS_PORT=N", refused.stderr)
        self.assertFalse((self.state_dir / "state.json").exists())
        self.assertTrue(local_stack.port_free(self.agentcore_port))

    def test_a_part_that_dies_stops_the_other_and_shows_its_log(self) -> None:
        # A "Python" that fails as a broken moto install does: the local AWS exits at once, and the AgentCore started
        # beside it is stopped again.
        broken = self.state_dir / "broken-python"
        self.state_dir.mkdir(exist_ok=True)
        broken.write_text("#!/bin/sh\necho 'local_aws: moto is broken here' >&2\nexit 1\n")
        broken.chmod(0o755)
        failed = self.run_script("up", "--python", str(broken))
        self.assertEqual(failed.returncode, 1, failed.stdout)
        self.assertIn("the local-aws exited with code 1 before answering", failed.stderr)
        self.assertIn("    local_aws: moto is broken here", failed.stderr)
        self.assertFalse((self.state_dir / "state.json").exists())
        self.assert_ports_free()


class SigV4Test(unittest.TestCase):
    """The readiness probes sign as botocore does (the local AgentCore refuses an unsigned request)."""

    def test_the_signature_is_botocores(self) -> None:
        now = datetime.datetime(2026, 12, 4, 21, 0, 0, tzinfo=datetime.timezone.utc)
        for url, body, service, content_type in (
                ("http://127.0.0.1:4567/runtimes/?maxResults=5&nextToken=a%2Fb", b"{}", "bedrock-agentcore",
                 "application/json"),
                ("http://127.0.0.1:4566/", b"Action=GetCallerIdentity&Version=2011-06-15", "sts",
                 "application/x-www-form-urlencoded; charset=utf-8")):
            with self.subTest(service=service):
                ours = local_stack.sigv4_headers("POST", url, body, "us-east-1", service, content_type, now)
                request = AWSRequest(method="POST", url=url, data=body, headers={"Content-Type": content_type})
                signer = SigV4Auth(Credentials(local_stack.ACCESS_KEY, local_stack.SECRET_KEY), service, "us-east-1")
                with mock.patch("botocore.auth.get_current_datetime", return_value=now.replace(tzinfo=None)):
                    signer.add_auth(request)
                self.assertEqual(ours["X-Amz-Date"], request.headers["X-Amz-Date"])
                self.assertEqual(ours["Authorization"], request.headers["Authorization"])


if __name__ == "__main__":
    unittest.main()
