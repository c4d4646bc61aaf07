"""CloudFormation (moto, in its own process) creates, updates and deletes AgentCore runtimes and endpoints through the
local AgentCore's control plane (java -jar, its own process), as AWS CloudFormation does through AgentCore's."""

import json
import unittest

from botocore.exceptions import ClientError

from tests import stack

ROLE = "arn:aws:iam::123456789012:role/agentcore-{}"
REPO = "123456789012.dkr.ecr.us-east-1.amazonaws.com/{}"
DISCOVERY = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_local/.well-known/openid-configuration"
NAMES = {"HelloAgent": "hello_agent", "FitnessCoachAgent": "fitness_coach_agent", "McpEcho": "mcp_echo",
         "FitnessMcpServer": "fitness_mcp_server"}

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

    def test_the_repository_templates_deploy_as_on_aws(self):
        with open(stack.REPOSITORY / "infra/templates/runtimes.yaml") as f:
            runtimes_template = f.read()
        with open(stack.REPOSITORY / "infra/templates/endpoints.yaml") as f:
            endpoints_template = f.read()
        parameters = {"InferenceProfileId": "us.anthropic.claude-sonnet-4-5-v1:0", "CognitoDiscoveryUrl": DISCOVERY,
                      "CognitoMachineClientId": "machineclient", "CognitoUserClientId": "userclient",
                      "CognitoInvokeScope": "agentcore/invoke", "CognitoMcpScope": "agentcore/mcp"}
        for prefix, name in NAMES.items():
            parameters.update({f"{prefix}RuntimeName": name, f"{prefix}RoleArn": ROLE.format(name),
                               f"{prefix}RepositoryUri": REPO.format(name), f"{prefix}ImageTag": "1"})

        created = stack.deploy(self.cfn, "runtimes", runtimes_template, parameters, "CREATE")
        self.assertEqual(created["status"], "CREATE_COMPLETE")
        ids = runtime_ids(self.control)
        self.assertLessEqual(set(NAMES.values()), set(ids))
        for prefix, name in NAMES.items():
            runtime_id = ids[name]
            arn = f"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/{runtime_id}"
            self.assertEqual(created["outputs"][f"{prefix}RuntimeId"], runtime_id)
            self.assertEqual(created["outputs"][f"{prefix}RuntimeArn"], arn)
            self.assertEqual(created["outputs"][f"{prefix}RuntimeVersion"], "1")
            self.assertIn(f"runtime%2F{runtime_id}/invocations", created["outputs"][f"{prefix}InvocationUrl"])

        echo = self.control.get_agent_runtime(agentRuntimeId=ids["mcp_echo"])
        self.assertEqual(echo["protocolConfiguration"], {"serverProtocol": "MCP"})
        self.assertEqual(echo["authorizerConfiguration"]["customJWTAuthorizer"]["allowedClients"],
                         ["machineclient", "userclient"])
        self.assertEqual(echo["authorizerConfiguration"]["customJWTAuthorizer"]["discoveryUrl"], DISCOVERY)
        self.assertEqual(echo["lifecycleConfiguration"], {"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800})
        hello = self.control.get_agent_runtime(agentRuntimeId=ids["hello_agent"])
        self.assertNotIn("authorizerConfiguration", hello, "AgentAuthorizer IAM: the Fn::If leaves it out")
        self.assertEqual(hello["environmentVariables"]["AGENT_MODEL_PROVIDER"], "bedrock")
        self.assertEqual(hello["environmentVariables"]["AGENT_MODEL_REGION"], "us-east-1")

        # One stage's endpoints (endpoints.yaml), pinned to the versions runtimes.yaml made.
        stage = {"Stage": "dev"}
        for prefix, name in NAMES.items():
            stage.update({f"{prefix}RuntimeId": ids[name], f"{prefix}Version": "1"})
        endpoints = stack.deploy(self.cfn, "endpoints-dev", endpoints_template, stage, "CREATE")
        self.assertEqual(endpoints["status"], "CREATE_COMPLETE")
        self.assertEqual(endpoints["outputs"]["McpEchoEndpointArn"],
                         f"arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/{ids['mcp_echo']}"
                         "/runtime-endpoint/dev")
        self.assertEqual(endpoints["outputs"]["McpEchoLiveVersion"], "1")
        self.assertEqual(self.control.get_agent_runtime_endpoint(agentRuntimeId=ids["mcp_echo"],
                                                                 endpointName="dev")["status"], "READY")

        # A new tag for the hello agent only: its version 2; the other runtimes are not touched.
        updated = stack.deploy(self.cfn, "runtimes", runtimes_template, {**parameters, "HelloAgentImageTag": "2"},
                               "UPDATE")
        self.assertEqual(updated["outputs"]["HelloAgentRuntimeVersion"], "2")
        self.assertEqual(updated["outputs"]["McpEchoRuntimeVersion"], "1")
        versions = self.control.list_agent_runtime_versions(agentRuntimeId=ids["mcp_echo"])["agentRuntimes"]
        self.assertEqual([v["agentRuntimeVersion"] for v in versions], ["1"])

        self.cfn.delete_stack(StackName="endpoints-dev")
        endpoint_names = [e["name"] for e in self.control.list_agent_runtime_endpoints(
            agentRuntimeId=ids["mcp_echo"])["runtimeEndpoints"]]
        self.assertEqual(endpoint_names, ["DEFAULT"])
        self.cfn.delete_stack(StackName="runtimes")
        self.assertEqual(set(runtime_ids(self.control)) & set(NAMES.values()), set())

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
