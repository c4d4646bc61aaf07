"""The launcher as a user runs it: run.py in its own process."""

import socket
import subprocess
import sys
import time
import unittest
import urllib.request

from tests import stack


class LauncherTest(unittest.TestCase):
    def test_it_prints_its_endpoint_serves_and_exits_cleanly_on_sigterm(self):
        # The AgentCore endpoint is only called when a template needs it: any URL starts the server.
        aws = stack.start_local_aws("http://127.0.0.1:9")
        try:
            self.assertRegex(aws.endpoint, r"^http://127\.0\.0\.1:\d+$")
            deadline = time.monotonic() + 10
            while f"export AWS_ENDPOINT_URL={aws.endpoint}" not in aws.lines and time.monotonic() < deadline:
                time.sleep(0.05)  # the second line may still be on its way
            self.assertIn(f"export AWS_ENDPOINT_URL={aws.endpoint}", aws.lines)
            with urllib.request.urlopen(f"{aws.endpoint}/moto-api/") as answer:
                self.assertEqual(answer.status, 200)
        finally:
            code = aws.stop()
        self.assertEqual(code, 0, aws.output())

    def test_without_the_agentcore_endpoint_it_says_what_is_missing(self):
        env = stack.clean_env()
        run = subprocess.run([sys.executable, str(stack.LOCAL_AWS / "run.py")], env=env, capture_output=True,
                             text=True, timeout=60)
        self.assertEqual(run.returncode, 2)
        self.assertIn("error: no local AgentCore: pass --agentcore-endpoint URL or export"
                      " AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL", run.stderr)
        self.assertNotIn("Traceback", run.stderr)

    def test_a_taken_port_is_one_line_and_a_non_zero_exit(self):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = taken.getsockname()[1]
            run = subprocess.run([sys.executable, str(stack.LOCAL_AWS / "run.py"), "--port", str(port),
                                  "--agentcore-endpoint", "http://127.0.0.1:9"], env=stack.clean_env(),
                                 capture_output=True, text=True, timeout=60)
        self.assertEqual(run.returncode, 1)
        self.assertEqual(run.stderr.strip().splitlines(),
                         [f"local-aws: cannot listen on 127.0.0.1:{port}: Address already in use"])
