"""What the extension's CloudFormation types share: CloudFormation properties converted to an API's request through
botocore's model of that API, and a handler's failure worded as CloudFormation words a resource status reason."""

from __future__ import annotations

from typing import Any

from botocore.model import Shape
from moto.cloudformation.exceptions import ValidationError

import local_aws  # noqa: F401  (refuses another moto version before anything below touches moto)

# CloudFormation's handler error codes for a service's errors, as a stack event would name them.
HANDLER_ERROR_CODES = {
    "ValidationException": "InvalidRequest",
    "InvalidParameterException": "InvalidRequest",
    "ConflictException": "AlreadyExists",
    "ResourceNotFoundException": "NotFound",
    "AccessDeniedException": "AccessDenied",
    "NotAuthorizedException": "AccessDenied",
    "ServiceQuotaExceededException": "ServiceLimitExceeded",
    "LimitExceededException": "ServiceLimitExceeded",
    "ThrottlingException": "Throttling",
    "TooManyRequestsException": "Throttling",
}


class DeclaredModel:
    """What moto asks of every CloudFormation type, answered from the class's constants: TYPE, NAME_TYPE (the
    property CloudFormation names the resource with when the template gives none; "" when the name is required)
    and ATTRIBUTES (what Fn::GetAtt may ask). Listed before CloudFormationModel, which stays a direct base: moto
    registers the direct subclasses of CloudFormationModel."""

    TYPE: str
    NAME_TYPE = ""
    ATTRIBUTES: tuple[str, ...] = ()

    @classmethod
    def cloudformation_type(cls) -> str:
        return cls.TYPE

    @classmethod
    def cloudformation_name_type(cls) -> str:
        return cls.NAME_TYPE

    @classmethod
    def has_cfn_attr(cls, attr: str) -> bool:
        return attr in cls.ATTRIBUTES


class HandlerFailed(ValidationError):
    """A handler's failure, worded as a CloudFormation resource status reason (moto 5.2.5 has no resource events,
    so it reaches the caller as the API call's ValidationError)."""

    def __init__(self, logical_id: str, resource_type: str, message: str, code: str) -> None:
        super().__init__(
            message=f'{logical_id} ({resource_type}): Resource handler returned message: "{message}"'
            f" (HandlerErrorCode: {code})"
        )


def handler_failed(logical_id: str, resource_type: str, error_code: str, message: str) -> HandlerFailed:
    return HandlerFailed(logical_id, resource_type, message,
                         HANDLER_ERROR_CODES.get(error_code, "GeneralServiceException"))


def to_api(value: Any, shape: Shape, path: str, service: str) -> Any:
    """A CloudFormation property value as the API member `shape` of `service` takes it: members matched by name
    without case (AgentRuntimeArtifact -> agentRuntimeArtifact, CustomJWTAuthorizer -> customJWTAuthorizer), map
    keys kept. A member the model lacks is refused with its path."""
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            raise ValidationError(message=f"{path}: expected an object, got {value!r}")
        members = {name.lower(): name for name in shape.members}
        converted = {}
        for key, item in value.items():
            name = members.get(key.lower())
            if name is None:
                raise ValidationError(message=f"{path}.{key}: not a member of {shape.name} in {service}'s model")
            converted[name] = to_api(item, shape.members[name], f"{path}.{key}", service)
        return converted
    if kind == "list":
        if not isinstance(value, list):
            raise ValidationError(message=f"{path}: expected a list, got {value!r}")
        return [to_api(item, shape.member, f"{path}[{i}]", service) for i, item in enumerate(value)]
    if kind == "map":
        if not isinstance(value, dict):
            raise ValidationError(message=f"{path}: expected a map, got {value!r}")
        return {str(key): to_api(item, shape.value, f"{path}.{key}", service) for key, item in value.items()}
    if kind in ("integer", "long"):
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValidationError(message=f"{path}: expected an integer, got {value!r}") from None
    if kind == "boolean":
        return value if isinstance(value, bool) else str(value).lower() == "true"
    if isinstance(value, bool):
        return "true" if value else "false"  # YAML's true where the API takes a string
    return str(value)
