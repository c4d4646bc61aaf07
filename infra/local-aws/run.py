#!/usr/bin/env python3
"""Starts the local AWS: `.venv/bin/python infra/local-aws/run.py --port 4566` (--help lists the options)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from local_aws.server import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
