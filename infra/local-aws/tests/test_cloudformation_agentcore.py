"""CloudFormation (moto, in its own process) creates, updates and deletes AgentCore runtimes and endpoints through the
local AgentCore's control plane (java -jar, its own process), as AWS CloudFormation does through AgentCore's."""

import json
import unittest

from botocore.exceptions import ClientError

from tests import stack

ROLE = "arn:aws:iam::123456789012:role/agentcore-{}"
REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/{}"
DISCOVERY = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_local/.well-known/openid-configuration"

TRIMMED = """
Parameters:
  RuntimeName: {Type: String}
  ImageTag: {Type: String}
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      RoleName: trimmed_agent_role
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement: [{Effect: Allow, Principal: {Service: bedrock-agentcore.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: workload-identity
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [bedrock-agentcore:GetWorkloadAccessTokenForJWT]
                Resource: !Sub "arn:aws:bedrock-agentcore:${AWS::Region}:${AWS::AccountId}:workload-identity-directory/default/workload-identity/${RuntimeName}-*"
  Runtime:
    Type: AWS::BedrockAgentCore::Runtime
    Properties:
      AgentRuntimeName: !Ref RuntimeName
      AgentRuntimeArtifact: {ContainerConfiguration: {ContainerUri: !Sub "%s:${ImageTag}"}}
      RoleArn: !GetAtt Role.Arn
      ProtocolConfiguration: HTTP
      NetworkConfiguration: {NetworkMode: PUBLIC}
      EnvironmentVariables: {GREETING: hello}
  Endpoint:
    Type: AWS::BedrockAgentCore::RuntimeEndpoint
    Properties:
      AgentRuntimeId: !Ref Runtime
      Name: stable
      AgentRuntimeVersion: "1"
      Description: pinned to the first version
Outputs:
  RuntimeRef: {Value: !Ref Runtime}
  RuntimeId: {Value: !GetAtt Runtime.AgentRuntimeId}
  RuntimeArn: {Value: !GetAtt Runtime.AgentRuntimeArn}
  RuntimeVersion: {Value: !GetAtt Runtime.AgentRuntimeVersion}
  RuntimeStatus: {Value: !GetAtt Runtime.Status}
  WorkloadIdentityArn: {Value: !GetAtt Runtime.WorkloadIdentityDetails.WorkloadIdentityArn}
  EndpointRef: {Value: !Ref Endpoint}
  EndpointArn: {Value: !GetAtt Endpoint.AgentRuntimeEndpointArn}
  EndpointRuntimeArn: {Value: !GetAtt Endpoint.AgentRuntimeArn}
  EndpointLiveVersion: {Value: !GetAtt Endpoint.LiveVersion}
  EndpointStatus: {Value: !GetAtt Endpoint.Status}
""" % REPO.format("trimmed")

local = None


def setUpModule():
    global local
    local = stack.start()


def tearDownModule():
    if local is not None:
        local.stop()


def template(name: str) -> str:
    return (stack.REPOSITORY / "infra/templates" / name).read_text()


def runtime_ids(control_plane):
    return {r["agentRuntimeName"]: r["agentRuntimeId"]
            for page in control_plane.get_paginator("list_agent_runtimes").paginate()
            for r in page["agentRuntimes"]}


class CloudFormationAgentCoreTest(unittest.TestCase):
    def setUp(self):
        self.cfn = local.client("cloudformation")
        self.control = local.client("bedrock-agentcore-control")
        self.iam = local.client("iam")

    def test_a_runtime_an_endpoint_and_a_role_live_and_die_with_their_stack(self):
        created = stack.deploy(self.cfn, "trimmed", TRIMMED, {"RuntimeName": "trimmed_agent", "ImageTag": "1"},
                               "CREATE")
        self.assertEqual(created["status"], "CREATE_COMPLETE")
        out = created["outputs"]
        runtime_id = runtime_ids(self.control)["trimmed_agent"]
        self.assertRegex(runtime_id, r"^trimmed_agent-[a-zA-Z0-9]{10}$")
        arn = f"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/{runtime_id}"
        endpoint_arn = f"{arn}/runtime-endpoint/stable"
        self.assertEqual(out, {
            "RuntimeRef": runtime_id, "RuntimeId": runtime_id, "RuntimeArn": arn, "RuntimeVersion": "1",
            "RuntimeStatus": "READY",
            "WorkloadIdentityArn": "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/"
                                   f"default/workload-identity/{runtime_id}",
            "EndpointRef": endpoint_arn, "EndpointArn": endpoint_arn, "EndpointRuntimeArn": arn,
            "EndpointLiveVersion": "1", "EndpointStatus": "READY"})

        runtime = self.control.get_agent_runtime(agentRuntimeId=runtime_id)
        self.assertEqual(runtime["roleArn"], "arn:aws:iam::123456789012:role/trimmed_agent_role")
        self.assertEqual(runtime["agentRuntimeArtifact"]["containerConfiguration"]["containerUri"],
                         REPO.format("trimmed") + ":1")
        self.assertEqual(runtime["environmentVariables"], {"GREETING": "hello"})
        self.assertEqual(runtime["protocolConfiguration"], {"serverProtocol": "HTTP"})

        # The inline policy comes back as the JSON the API stores (moto 5.2.5 alone answers a Python repr).
        policy = self.iam.get_role_policy(RoleName="trimmed_agent_role", PolicyName="workload-identity")
        self.assertEqual(policy["PolicyDocument"]["Statement"][0]["Resource"],
                         "arn:aws:bedrock-agentcore:us-east-1:123456789012:workload-identity-directory/default/"
                         "workload-identity/trimmed_agent-*")

        # A new image tag is a new runtime version; the endpoint pinned to version 1 stays on it.
        updated = stack.deploy(self.cfn, "trimmed", TRIMMED, {"RuntimeName": "trimmed_agent", "ImageTag": "2"},
                               "UPDATE")
        self.assertEqual(updated["status"], "UPDATE_COMPLETE")
        self.assertEqual(updated["outputs"]["RuntimeVersion"], "2")
        self.assertEqual(updated["outputs"]["RuntimeRef"], runtime_id)
        self.assertEqual(updated["outputs"]["EndpointLiveVersion"], "1")
        self.assertEqual(self.control.get_agent_runtime(agentRuntimeId=runtime_id)["agentRuntimeArtifact"]
                         ["containerConfiguration"]["containerUri"], REPO.format("trimmed") + ":2")
        self.assertEqual(self.control.get_agent_runtime_endpoint(agentRuntimeId=runtime_id,
                                                                 endpointName="stable")["liveVersion"], "1")

        # AgentRuntimeName is create-only: a new name replaces the runtime.
        renamed = stack.deploy(self.cfn, "trimmed", TRIMMED, {"RuntimeName": "renamed_agent", "ImageTag": "2"},
                               "UPDATE")
        new_id = renamed["outputs"]["RuntimeId"]
        self.assertRegex(new_id, r"^renamed_agent-[a-zA-Z0-9]{10}$")
        self.assertEqual(renamed["outputs"]["RuntimeVersion"], "1")
        self.assertEqual(set(runtime_ids(self.control)) & {"trimmed_agent", "renamed_agent"}, {"renamed_agent"})

        self.cfn.delete_stack(StackName="trimmed")
        self.assertNotIn("renamed_agent", runtime_ids(self.control))
        with self.assertRaises(ClientError) as gone:
            self.control.get_agent_runtime(agentRuntimeId=new_id)
        self.assertEqual(gone.exception.response["Error"]["Code"], "ResourceNotFoundException")

    def test_the_repository_templates_deploy_one_stack_set_per_runtime_of_the_manifest(self):
        """ecr.yaml, runtime.yaml and endpoint.yaml for every runtime of runtimes.json, with the values the deploy plan
        (infra-validation's DeployPlan, RuntimeParameter) gives them: the runtime's entry, then the outputs of that
        runtime's own earlier stacks."""
        manifest = json.loads((stack.REPOSITORY / "runtimes.json").read_text())["runtimes"]
        self.assertGreaterEqual(len(manifest), 4)  # the samples, and whatever make new-agent added
        ecr, runtime, endpoint = (template(name) for name in ("ecr.yaml", "runtime.yaml", "endpoint.yaml"))
        cognito = {"CognitoDiscoveryUrl": DISCOVERY, "CognitoMachineClientId": "machineclient",
                   "CognitoUserClientId": "userclient", "CognitoInvokeScope": "agentcore/invoke",
                   "CognitoMcpScope": "agentcore/mcp"}
        deployed = {}
        for entry in manifest:
            name, slug = entry["name"], entry["name"].lower().replace("_", "-")
            repository = stack.deploy(self.cfn, f"ecr-{slug}", ecr, {"ImageName": slug}, "CREATE")["outputs"]
            self.assertEqual(repository["RepositoryUri"], f"123456789012.dkr.ecr.us-east-1.amazonaws.com/agentcore/{slug}")
            parameters = {"RuntimeName": name, "Protocol": entry["protocol"], "Auth": entry["auth"],
                          "ModelId": entry.get("model", ""), "ImageTag": "1", **cognito,
                          "RepositoryArn": repository["RepositoryArn"], "RepositoryUri": repository["RepositoryUri"]}
            created = stack.deploy(self.cfn, f"runtime-{slug}", runtime, parameters, "CREATE")
            self.assertEqual(created["status"], "CREATE_COMPLETE")
            deployed[name] = (slug, parameters, created["outputs"])
            # CloudFormation alone makes version 1; the manifest's numbers count the deploy tool's MMDSv2 update too
            # (docs/runtimes-manifest.md), which this test does not run: each endpoint pins the version there is.
            for stage in entry.get("endpoints", {}):
                pinned = stack.deploy(self.cfn, f"endpoint-{slug}-{stage}", endpoint,
                                      {"RuntimeId": created["outputs"]["RuntimeId"], "EndpointName": stage,
                                       "EndpointVersion": "1"}, "CREATE")
                self.assertEqual(pinned["outputs"]["LiveVersion"], "1")

        statuses = {r["agentRuntimeName"]: r["status"]
                    for r in self.control.list_agent_runtimes()["agentRuntimes"] if r["agentRuntimeName"] in deployed}
        self.assertEqual(statuses, {entry["name"]: "READY" for entry in manifest})
        for name, (slug, _, outputs) in deployed.items():
            runtime_id = outputs["RuntimeId"]
            self.assertRegex(runtime_id, rf"^{name}-[a-zA-Z0-9]{{10}}$")
            self.assertEqual(outputs["RuntimeArn"], f"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/{runtime_id}")
            self.assertIn(f"runtime%2F{runtime_id}/invocations", outputs["InvocationUrl"])
            endpoints = {e["name"]: e["status"] for e in self.control.list_agent_runtime_endpoints(
                agentRuntimeId=runtime_id)["runtimeEndpoints"]}
            wanted = next(entry.get("endpoints", {}) for entry in manifest if entry["name"] == name)
            self.assertEqual(endpoints, {"DEFAULT": "READY", **{stage: "READY" for stage in wanted}})

        echo = self.control.get_agent_runtime(agentRuntimeId=deployed["mcp_echo"][2]["RuntimeId"])
        self.assertEqual(echo["protocolConfiguration"], {"serverProtocol": "MCP"})
        self.assertEqual(echo["authorizerConfiguration"]["customJWTAuthorizer"]["allowedClients"],
                         ["machineclient", "userclient"])
        self.assertEqual(echo["authorizerConfiguration"]["customJWTAuthorizer"]["allowedScopes"], ["agentcore/mcp"])
        self.assertEqual(echo["lifecycleConfiguration"], {"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800})
        self.assertNotIn("environmentVariables", echo, "no model: the Fn::If leaves the model variables out")
        hello = self.control.get_agent_runtime(agentRuntimeId=deployed["hello_agent"][2]["RuntimeId"])
        self.assertNotIn("authorizerConfiguration", hello, "SIGV4: the Fn::If leaves the authorizer out")
        self.assertEqual(hello["environmentVariables"], {"AGENT_MODEL_PROVIDER": "bedrock", "AGENT_MODEL_REGION": "us-east-1",
                                                        "AGENT_MODEL_MODEL_ID": "us.anthropic.claude-sonnet-4-20250514-v1:0"})

        # Each role's grants are inline (moto ignores managed policies on roles) and name its own runtime only; a
        # runtime without a model has no model statement, not a null one.
        for name in ("hello_agent", "mcp_echo"):
            role = deployed[name][2]["RoleArn"].rsplit("/", 1)[1]
            document = self.iam.get_role_policy(RoleName=role, PolicyName="runtime")["PolicyDocument"]
            document = json.loads(document) if isinstance(document, str) else document
            sids = [statement["Sid"] for statement in document["Statement"]]
            self.assertEqual("ModelInvokeInferenceProfile" in sids, name == "hello_agent", sids)
            self.assertIn(f"workload-identity/{name}-*", json.dumps(document))
            self.assertNotIn("None", json.dumps(document))

        # A new tag for the hello agent only: its version 2; the other runtimes are not touched.
        slug, parameters, _ = deployed["hello_agent"]
        updated = stack.deploy(self.cfn, f"runtime-{slug}", runtime, {**parameters, "ImageTag": "2"}, "UPDATE")
        self.assertEqual(updated["outputs"]["RuntimeVersion"], "2")
        versions = self.control.list_agent_runtime_versions(agentRuntimeId=deployed["mcp_echo"][2]["RuntimeId"])
        self.assertEqual([v["agentRuntimeVersion"] for v in versions["agentRuntimes"]], ["1"])

        for entry in manifest:
            slug = deployed[entry["name"]][0]
            for stage in entry.get("endpoints", {}):
                self.cfn.delete_stack(StackName=f"endpoint-{slug}-{stage}")
            self.cfn.delete_stack(StackName=f"runtime-{slug}")
            self.cfn.delete_stack(StackName=f"ecr-{slug}")
        self.assertEqual(set(runtime_ids(self.control)) & set(deployed), set())

    def test_a_refusal_of_the_control_plane_reaches_the_caller_as_a_resource_status_reason(self):
        template = TRIMMED.replace("!Ref RuntimeName", "bad-name").replace("trimmed_agent_role", "refused_role")
        with self.assertRaises(ClientError) as refused:
            stack.deploy(self.cfn, "refused", template, {"RuntimeName": "x", "ImageTag": "1"}, "CREATE")
        self.assertEqual(refused.exception.response["Error"]["Code"], "ValidationError")
        self.assertEqual(
            refused.exception.response["Error"]["Message"],
            "Runtime (AWS::BedrockAgentCore::Runtime): Resource handler returned message: \"1 validation error"
            " detected: Value 'bad-name' at 'agentRuntimeName' failed to satisfy constraint: Member must satisfy"
            " regular expression pattern: [a-zA-Z][a-zA-Z0-9_]{0,47}\" (HandlerErrorCode: InvalidRequest)")
        self.assertNotIn("bad-name", runtime_ids(self.control))


if __name__ == "__main__":
    unittest.main()
