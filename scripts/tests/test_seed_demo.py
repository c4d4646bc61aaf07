"""make demo's story, end to end, as make runs it (scripts/seed_demo.py): every step must behave as told.

It runs the real parts: the local stack on free ports, the deploy tool, agentcore-invoke and policy-lint from their
built jars, the agent and MCP server images. A scratch folder under the system's temporary directory holds the
deploy inputs, so neither the repository nor a demo of yours is touched."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class SeedDemoTest(unittest.TestCase):

    def test_the_story_runs_and_every_step_behaves_as_told(self) -> None:
        with tempfile.TemporaryDirectory(prefix="seed-demo-") as work:
            done = subprocess.run([sys.executable, str(ROOT / "scripts/seed_demo.py"), "--work", str(Path(work) / "demo")],
                                  cwd=ROOT, capture_output=True, text=True, timeout=600, env=dict(os.environ))
            output = done.stdout + done.stderr
            self.assertEqual(done.returncode, 0, output[-6000:])
            # The 403 as AWS answers it, the diagnosis, the lint, the fix, the answers.
            for expected in ("HTTP 403, x-amzn-ErrorType: AccessDeniedException",
                             "not authorized to perform: bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                             "[AC230]", "error PL100 'agentName'", "tools/list: 1 tool(s) [echo]",
                             "[local model] You said: What did the role need?", "every step behaved as told"):
                self.assertIn(expected, output)
            # Stopped: the stack's state file is gone.
            self.assertFalse((Path(work) / "demo/.agentcore/local/state.json").exists())


if __name__ == "__main__":
    unittest.main()
