"""Inline policies that CloudFormation puts on a role, user or group are stored as JSON text, as the API stores them.

moto 5.2.5's AWS::IAM::Role (and AWS::IAM::Policy) hand the template's PolicyDocument, a dict, to put_policy, which
keeps it as is; GetRolePolicy then answers its Python repr ({'Version': ...}), which no policy parser reads. The
API path (PutRolePolicy) already passes text. The fix is at the one place all three paths store a document.
"""

from __future__ import annotations

import json
from typing import Any

from moto.iam import models as iam_models

import local_aws  # noqa: F401  (refuses another moto version before patching)

_PATCHED = "_local_aws_stores_json"


def _as_text(document: Any) -> Any:
    return document if isinstance(document, str) else json.dumps(document)


def install() -> None:
    for holder in (iam_models.Role, iam_models.User, iam_models.Group):
        original = holder.put_policy
        if getattr(original, _PATCHED, False):
            continue

        def put_policy(self: Any, policy_name: str, policy_json: Any, _original: Any = original) -> None:
            _original(self, policy_name, _as_text(policy_json))

        setattr(put_policy, _PATCHED, True)
        holder.put_policy = put_policy
