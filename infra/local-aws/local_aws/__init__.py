"""The local AWS of the local AgentCore: moto, plus the few CloudFormation types and fixes this project needs.

Import order matters: moto builds its CloudFormation type map from the direct subclasses of CloudFormationModel the
first time a template is parsed, so `install()` must run before the server answers its first request.
"""

from local_aws.moto_pin import require_pinned_moto

MOTO_VERSION = require_pinned_moto()


def install() -> None:
    """Registers the extension's CloudFormation types and patches in this process (idempotent)."""
    # Importing the type modules registers their CloudFormation types.
    from local_aws import cfn_agentcore, cfn_cognito, cfn_fixes, iam_inline_policies  # noqa: F401

    cfn_fixes.install()
    iam_inline_policies.install()
