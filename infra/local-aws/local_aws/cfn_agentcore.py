"""AWS::BedrockAgentCore::Runtime and ::RuntimeEndpoint for moto's CloudFormation, served by the local AgentCore.

As on AWS, CloudFormation does not own these resources: its handlers call the bedrock-agentcore-control API (here our
Java control plane, at AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL) and wait until the resource is READY. Ref and
Fn::GetAtt answer what the resource schema of AWS::BedrockAgentCore::* says (cfn-lint's copy, 1.58.0): Ref is the
primary identifier (the runtime id; the endpoint ARN) and the attributes are the schema's read-only properties.

moto registers a type by being a direct subclass of CloudFormationModel when it first builds its type map, so this
module must be imported before the server answers (local_aws.install() does it).
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException, ValidationError
from moto.core.common_models import CloudFormationModel

import local_aws  # noqa: F401  (refuses another moto version before anything below touches moto)
from local_aws.cfn_api import DeclaredModel, HandlerFailed, handler_failed, to_api

ENDPOINT_ENV = "AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL"
TIMEOUT_ENV = "LOCAL_AWS_AGENTCORE_TIMEOUT_SECONDS"
SERVICE = "bedrock-agentcore-control"

_clients: dict[str, Any] = {}
_clients_lock = threading.Lock()


def control_plane(region: str) -> Any:
    """A bedrock-agentcore-control client for the local AgentCore; never the real service."""
    endpoint = os.environ.get(ENDPOINT_ENV)
    if not endpoint:
        raise ValidationError(
            message=f"{ENDPOINT_ENV} is not set: the local AWS creates AgentCore resources through the local"
            " AgentCore's control plane; start it and export its endpoint before starting the local AWS"
        )
    with _clients_lock:
        key = f"{endpoint} {region}"
        if key not in _clients:
            # The local stack's static pair (local/local): the local AgentCore verifies signatures (its README, SigV4).
            _clients[key] = boto3.session.Session().client(
                SERVICE,
                region_name=region,
                endpoint_url=endpoint,
                aws_access_key_id=os.environ.get("AWS_ACCESS_KEY_ID", "local"),
                aws_secret_access_key=os.environ.get("AWS_SECRET_ACCESS_KEY", "local"),
                config=Config(retries={"max_attempts": 2, "mode": "standard"}),
            )
        return _clients[key]


def _timeout() -> float:
    return float(os.environ.get(TIMEOUT_ENV, "120"))


def _failed(logical_id: str, resource_type: str, error: ClientError) -> HandlerFailed:
    aws = error.response.get("Error", {})
    return handler_failed(logical_id, resource_type, aws.get("Code", ""), aws.get("Message", str(error)))


def _request(operation: str, properties: dict[str, Any], path: str) -> dict[str, Any]:
    shape = control_plane_model().operation_model(operation).input_shape
    # The one property whose CloudFormation form differs from the API's: a bare protocol name.
    if isinstance(properties.get("ProtocolConfiguration"), str):
        properties = {**properties, "ProtocolConfiguration": {"ServerProtocol": properties["ProtocolConfiguration"]}}
    return to_api(properties, shape, path, SERVICE)


_model = None


def control_plane_model() -> Any:
    global _model
    if _model is None:
        _model = boto3.session.Session().client(SERVICE, region_name="us-east-1").meta.service_model
    return _model


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _wait(read, ready_statuses: set[str], failed_statuses: set[str], what: str) -> dict[str, Any]:
    deadline = time.monotonic() + _timeout()
    while True:
        current = read()
        status = current.get("status")
        if status in ready_statuses:
            return current
        if status in failed_statuses:
            raise RuntimeError(f"{what} is {status}: {current.get('failureReason', 'no reason given')}")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not become READY in {_timeout():.0f} s (still {status})")
        time.sleep(0.1)


def _wait_gone(read) -> None:
    deadline = time.monotonic() + _timeout()
    while time.monotonic() < deadline:
        try:
            read()
        except ClientError as e:
            if e.response["Error"]["Code"] == "ResourceNotFoundException":
                return
            raise
        time.sleep(0.1)


class AgentCoreRuntime(DeclaredModel, CloudFormationModel):
    """AWS::BedrockAgentCore::Runtime: CreateAgentRuntime, UpdateAgentRuntime (a new version), DeleteAgentRuntime."""

    TYPE = "AWS::BedrockAgentCore::Runtime"
    NAME_TYPE = "AgentRuntimeName"
    ATTRIBUTES = (
        "AgentRuntimeArn",
        "AgentRuntimeId",
        "AgentRuntimeVersion",
        "Status",
        "CreatedAt",
        "LastUpdatedAt",
        "FailureReason",
        "WorkloadIdentityDetails.WorkloadIdentityArn",
    )

    def __init__(self, logical_id: str, region: str, request: dict[str, Any], described: dict[str, Any]) -> None:
        self.logical_id = logical_id
        self.region = region
        self.request = request
        self.described = described

    @property
    def physical_resource_id(self) -> str:
        return self.described["agentRuntimeId"]


    def get_cfn_attribute(self, attribute_name: str) -> Any:
        values = {
            "AgentRuntimeArn": self.described.get("agentRuntimeArn"),
            "AgentRuntimeId": self.described.get("agentRuntimeId"),
            "AgentRuntimeVersion": self.described.get("agentRuntimeVersion"),
            "Status": self.described.get("status"),
            "CreatedAt": _iso(self.described.get("createdAt")),
            "LastUpdatedAt": _iso(self.described.get("lastUpdatedAt")),
            "FailureReason": self.described.get("failureReason"),
            "WorkloadIdentityDetails.WorkloadIdentityArn": self.described.get("workloadIdentityDetails", {}).get(
                "workloadIdentityArn"
            ),
        }
        if attribute_name not in values:
            raise UnformattedGetAttTemplateException()
        if values[attribute_name] is None:
            raise ValidationError(message=f"{self.logical_id}.{attribute_name} has no value (the runtime is "
                                  f"{self.described.get('status')})")
        return values[attribute_name]

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
        **kwargs: Any,
    ) -> AgentCoreRuntime:
        logical_id = kwargs.get("LogicalId", resource_name)
        request = _request("CreateAgentRuntime", cloudformation_json.get("Properties", {}), logical_id)
        return cls._create(logical_id, account_id, region_name, request)

    @classmethod
    def _create(cls, logical_id: str, account_id: str, region: str, request: dict[str, Any]) -> AgentCoreRuntime:
        client = control_plane(region)
        try:
            created = client.create_agent_runtime(**request)
            runtime_id = created["agentRuntimeId"]
            if f":{account_id}:" not in created["agentRuntimeArn"]:
                client.delete_agent_runtime(agentRuntimeId=runtime_id)
                raise ValidationError(
                    message=f"{logical_id}: the local AgentCore serves another account ({created['agentRuntimeArn']})"
                    f" than this stack's ({account_id}): start both with the same MOTO_ACCOUNT_ID"
                )
            described = cls._stabilize(client, runtime_id, logical_id)
        except ClientError as e:
            raise _failed(logical_id, cls.TYPE, e) from None
        return cls(logical_id, region, request, described)

    @classmethod
    def _stabilize(cls, client: Any, runtime_id: str, logical_id: str) -> dict[str, Any]:
        try:
            return _wait(lambda: client.get_agent_runtime(agentRuntimeId=runtime_id), {"READY"},
                         {"CREATE_FAILED", "UPDATE_FAILED"}, f"runtime {runtime_id}")
        except RuntimeError as e:
            raise HandlerFailed(logical_id, cls.TYPE, str(e), "NotStabilized") from None

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls, original_resource: AgentCoreRuntime, new_resource_name: str, cloudformation_json: dict[str, Any],
        account_id: str, region_name: str,
    ) -> AgentCoreRuntime:
        logical_id = original_resource.logical_id
        properties = cloudformation_json.get("Properties", {})
        request = _request("CreateAgentRuntime", properties, logical_id)
        if request == original_resource.request:
            return original_resource  # CloudFormation does not call a handler for a resource that did not change
        if request.get("agentRuntimeName") != original_resource.request.get("agentRuntimeName"):
            # AgentRuntimeName is create-only: replacement, the new one first, then the old one goes.
            replacement = cls._create(logical_id, account_id, region_name, request)
            original_resource.delete(account_id, region_name)
            return replacement
        # An update is a whole new version (UpdateAgentRuntime replaces, it does not patch); tags are not part of it.
        update = _request("UpdateAgentRuntime",
                          {k: v for k, v in properties.items() if k not in ("AgentRuntimeName", "Tags")}, logical_id)
        client = control_plane(region_name)
        runtime_id = original_resource.physical_resource_id
        try:
            client.update_agent_runtime(agentRuntimeId=runtime_id, **update)
            described = cls._stabilize(client, runtime_id, logical_id)
        except ClientError as e:
            raise _failed(logical_id, cls.TYPE, e) from None
        return cls(logical_id, region_name, request, described)

    def delete(self, account_id: str, region_name: str) -> None:
        client = control_plane(region_name)
        runtime_id = self.physical_resource_id
        try:
            client.delete_agent_runtime(agentRuntimeId=runtime_id)
            _wait_gone(lambda: client.get_agent_runtime(agentRuntimeId=runtime_id))
        except ClientError as e:
            if e.response["Error"]["Code"] != "ResourceNotFoundException":  # gone already is deleted
                raise _failed(self.logical_id, self.TYPE, e) from None

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> None:
        cls(resource_name, region_name, {}, {"agentRuntimeId": resource_name}).delete(account_id, region_name)

    def is_created(self) -> bool:
        return True


class AgentCoreRuntimeEndpoint(DeclaredModel, CloudFormationModel):
    """AWS::BedrockAgentCore::RuntimeEndpoint: a named endpoint pinned to a runtime version."""

    TYPE = "AWS::BedrockAgentCore::RuntimeEndpoint"
    NAME_TYPE = "Name"
    ATTRIBUTES = (
        "Id",
        "AgentRuntimeEndpointArn",
        "AgentRuntimeArn",
        "Status",
        "CreatedAt",
        "LastUpdatedAt",
        "FailureReason",
        "TargetVersion",
        "LiveVersion",
    )
    PROPERTIES = ("AgentRuntimeId", "Name", "AgentRuntimeVersion", "Description", "Tags")

    def __init__(self, logical_id: str, runtime_id: str, name: str, properties: dict[str, Any],
                 described: dict[str, Any]) -> None:
        self.logical_id = logical_id
        self.runtime_id = runtime_id
        self.name = name
        self.properties = properties
        self.described = described

    @property
    def physical_resource_id(self) -> str:
        return self.described["agentRuntimeEndpointArn"]


    def get_cfn_attribute(self, attribute_name: str) -> Any:
        values = {
            "Id": self.described.get("id"),
            "AgentRuntimeEndpointArn": self.described.get("agentRuntimeEndpointArn"),
            "AgentRuntimeArn": self.described.get("agentRuntimeArn"),
            "Status": self.described.get("status"),
            "CreatedAt": _iso(self.described.get("createdAt")),
            "LastUpdatedAt": _iso(self.described.get("lastUpdatedAt")),
            "FailureReason": self.described.get("failureReason"),
            "TargetVersion": self.described.get("targetVersion"),
            "LiveVersion": self.described.get("liveVersion"),
        }
        if attribute_name not in values:
            raise UnformattedGetAttTemplateException()
        if values[attribute_name] is None:
            raise ValidationError(message=f"{self.logical_id}.{attribute_name} has no value (the endpoint is "
                                  f"{self.described.get('status')})")
        return values[attribute_name]

    @classmethod
    def _properties(cls, logical_id: str, cloudformation_json: dict[str, Any]) -> dict[str, Any]:
        properties = cloudformation_json.get("Properties", {})
        unknown = sorted(set(properties) - set(cls.PROPERTIES))
        if unknown:
            raise ValidationError(message=f"{logical_id}: {cls.TYPE} has no property {', '.join(unknown)}")
        for required in ("AgentRuntimeId", "Name"):
            if required not in properties:
                raise ValidationError(message=f"{logical_id}: {cls.TYPE} requires {required}")
        return properties

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
        **kwargs: Any,
    ) -> AgentCoreRuntimeEndpoint:
        logical_id = kwargs.get("LogicalId", resource_name)
        return cls._create(logical_id, region_name, cls._properties(logical_id, cloudformation_json))

    @classmethod
    def _create(cls, logical_id: str, region: str, properties: dict[str, Any]) -> AgentCoreRuntimeEndpoint:
        client = control_plane(region)
        runtime_id, name = str(properties["AgentRuntimeId"]), str(properties["Name"])
        request: dict[str, Any] = {"agentRuntimeId": runtime_id, "name": name}
        if "AgentRuntimeVersion" in properties:
            request["agentRuntimeVersion"] = str(properties["AgentRuntimeVersion"])
        if "Description" in properties:
            request["description"] = str(properties["Description"])
        if "Tags" in properties:
            request["tags"] = {str(k): str(v) for k, v in properties["Tags"].items()}
        try:
            client.create_agent_runtime_endpoint(**request)
            described = cls._stabilize(client, runtime_id, name, logical_id)
        except ClientError as e:
            raise _failed(logical_id, cls.TYPE, e) from None
        return cls(logical_id, runtime_id, name, properties, described)

    @classmethod
    def _stabilize(cls, client: Any, runtime_id: str, name: str, logical_id: str) -> dict[str, Any]:
        try:
            return _wait(lambda: client.get_agent_runtime_endpoint(agentRuntimeId=runtime_id, endpointName=name),
                         {"READY"}, {"CREATE_FAILED", "UPDATE_FAILED"}, f"endpoint {name} of runtime {runtime_id}")
        except RuntimeError as e:
            raise HandlerFailed(logical_id, cls.TYPE, str(e), "NotStabilized") from None

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls, original_resource: AgentCoreRuntimeEndpoint, new_resource_name: str,
        cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> AgentCoreRuntimeEndpoint:
        logical_id = original_resource.logical_id
        properties = cls._properties(logical_id, cloudformation_json)
        if properties == original_resource.properties:
            return original_resource
        if (str(properties["AgentRuntimeId"]), str(properties["Name"])) != (original_resource.runtime_id,
                                                                            original_resource.name):
            replacement = cls._create(logical_id, region_name, properties)  # create-only properties: replacement
            original_resource.delete(account_id, region_name)
            return replacement
        client = control_plane(region_name)
        request: dict[str, Any] = {"agentRuntimeId": original_resource.runtime_id,
                                   "endpointName": original_resource.name}
        if "AgentRuntimeVersion" in properties:
            request["agentRuntimeVersion"] = str(properties["AgentRuntimeVersion"])
        if "Description" in properties:
            request["description"] = str(properties["Description"])
        try:
            client.update_agent_runtime_endpoint(**request)
            described = cls._stabilize(client, original_resource.runtime_id, original_resource.name, logical_id)
        except ClientError as e:
            raise _failed(logical_id, cls.TYPE, e) from None
        return cls(logical_id, original_resource.runtime_id, original_resource.name, properties, described)

    def delete(self, account_id: str, region_name: str) -> None:
        client = control_plane(region_name)
        try:
            client.delete_agent_runtime_endpoint(agentRuntimeId=self.runtime_id, endpointName=self.name)
            _wait_gone(lambda: client.get_agent_runtime_endpoint(agentRuntimeId=self.runtime_id,
                                                                 endpointName=self.name))
        except ClientError as e:
            if e.response["Error"]["Code"] != "ResourceNotFoundException":
                raise _failed(self.logical_id, self.TYPE, e) from None

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> None:
        # The physical id is the endpoint ARN: ...:runtime/RUNTIME_ID/runtime-endpoint/NAME
        parts = resource_name.split("/")
        cls(resource_name, parts[1], parts[3], {}, {"agentRuntimeEndpointArn": resource_name}).delete(
            account_id, region_name)

    def is_created(self) -> bool:
        return True
