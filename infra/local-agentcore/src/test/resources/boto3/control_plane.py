"""boto3 (the .venv's, unchanged) against the local AgentCore: AWS_ENDPOINT_URL_BEDROCK_AGENTCORE_CONTROL points it there.
Prints one JSON object with what each call answered; the JUnit test (Boto3ControlPlaneTest) checks it."""
import json
import sys
import time

import boto3
from botocore.exceptions import ClientError

name, image, role = sys.argv[1], sys.argv[2], sys.argv[3]
control = boto3.client("bedrock-agentcore-control")
out = {}


def wait_ready(runtime_id):
    for _ in range(500):
        status = control.get_agent_runtime(agentRuntimeId=runtime_id)["status"]
        if status not in ("CREATING", "UPDATING"):
            return status
        time.sleep(0.02)
    return "TIMEOUT"


def error(call):
    try:
        call()
        return None
    except ClientError as e:
        return {"code": e.response["Error"]["Code"], "message": e.response["Error"]["Message"],
                "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}


created = control.create_agent_runtime(
    agentRuntimeName=name,
    agentRuntimeArtifact={"containerConfiguration": {"containerUri": image}},
    roleArn=role,
    networkConfiguration={"networkMode": "PUBLIC"},
    protocolConfiguration={"serverProtocol": "MCP"},
    lifecycleConfiguration={"idleRuntimeSessionTimeout": 120, "maxLifetime": 600},
    requestHeaderConfiguration={"requestHeaderAllowlist": ["X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant"]},
    environmentVariables={"GREETING": "hello"},
)
runtime_id = created["agentRuntimeId"]
out["created"] = {k: created[k] for k in ("agentRuntimeId", "agentRuntimeArn", "agentRuntimeVersion", "status")}
out["createdAtType"] = type(created["createdAt"]).__name__
out["ready"] = wait_ready(runtime_id)

got = control.get_agent_runtime(agentRuntimeId=runtime_id)
out["got"] = {k: got.get(k) for k in ("agentRuntimeName", "roleArn", "protocolConfiguration", "lifecycleConfiguration",
                                      "requestHeaderConfiguration", "environmentVariables", "workloadIdentityDetails")}

listed = []
for page in control.get_paginator("list_agent_runtimes").paginate(PaginationConfig={"PageSize": 1}):
    listed.extend(r["agentRuntimeId"] for r in page["agentRuntimes"])
out["listed"] = listed

control.update_agent_runtime(
    agentRuntimeId=runtime_id,
    agentRuntimeArtifact={"containerConfiguration": {"containerUri": image}},
    roleArn=role,
    networkConfiguration={"networkMode": "PUBLIC"},
    protocolConfiguration={"serverProtocol": "MCP"},
    metadataConfiguration={"requireMMDSV2": True},
)
out["updated"] = wait_ready(runtime_id)
after = control.get_agent_runtime(agentRuntimeId=runtime_id)
out["metadataConfiguration"] = after.get("metadataConfiguration")
out["version"] = after["agentRuntimeVersion"]
out["endpoints"] = [(e["name"], e.get("liveVersion")) for e in
                    control.list_agent_runtime_endpoints(agentRuntimeId=runtime_id)["runtimeEndpoints"]]

out["badName"] = error(lambda: control.create_agent_runtime(
    agentRuntimeName="bad-name", agentRuntimeArtifact={"containerConfiguration": {"containerUri": image}},
    roleArn=role))
out["taken"] = error(lambda: control.create_agent_runtime(
    agentRuntimeName=name, agentRuntimeArtifact={"containerConfiguration": {"containerUri": image}}, roleArn=role))
out["deleted"] = control.delete_agent_runtime(agentRuntimeId=runtime_id)["status"]
print(json.dumps(out))
