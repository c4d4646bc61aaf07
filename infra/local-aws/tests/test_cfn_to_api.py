import unittest

from moto.cloudformation.exceptions import ValidationError

from local_aws.cfn_agentcore import _request


class CloudFormationToApiTest(unittest.TestCase):
    """Runtime properties as CloudFormation writes them, as CreateAgentRuntime takes them (botocore's model)."""

    def test_members_are_renamed_and_map_keys_kept(self):
        request = _request("CreateAgentRuntime", {
            "AgentRuntimeName": "mcp_echo",
            "AgentRuntimeArtifact": {"ContainerConfiguration": {"ContainerUri": "123456789012.dkr.ecr.us-east-1"
                                                                                ".amazonaws.com/echo:1"}},
            "RoleArn": "arn:aws:iam::123456789012:role/echo",
            "ProtocolConfiguration": "MCP",
            "NetworkConfiguration": {"NetworkMode": "PUBLIC"},
            "AuthorizerConfiguration": {"CustomJWTAuthorizer": {
                "DiscoveryUrl": "https://idp.example/.well-known/openid-configuration",
                "AllowedClients": ["abc"], "AllowedScopes": ["echo/mcp"],
                "CustomClaims": [{"InboundTokenClaimName": "tenant", "InboundTokenClaimValueType": "STRING",
                                  "AuthorizingClaimMatchValue": {"ClaimMatchOperator": "EQUALS",
                                                                 "ClaimMatchValue": {"MatchValueString": "t1"}}}]}},
            "LifecycleConfiguration": {"IdleRuntimeSessionTimeout": "900", "MaxLifetime": 28800},
            "EnvironmentVariables": {"AGENT_MODEL_PROVIDER": "bedrock", "MaxTokens": 5},
            "Tags": {"Project": "blueprint"},
        }, "McpEchoRuntime")
        self.assertEqual(request, {
            "agentRuntimeName": "mcp_echo",
            "agentRuntimeArtifact": {"containerConfiguration": {"containerUri": "123456789012.dkr.ecr.us-east-1"
                                                                                ".amazonaws.com/echo:1"}},
            "roleArn": "arn:aws:iam::123456789012:role/echo",
            "protocolConfiguration": {"serverProtocol": "MCP"},
            "networkConfiguration": {"networkMode": "PUBLIC"},
            "authorizerConfiguration": {"customJWTAuthorizer": {
                "discoveryUrl": "https://idp.example/.well-known/openid-configuration",
                "allowedClients": ["abc"], "allowedScopes": ["echo/mcp"],
                "customClaims": [{"inboundTokenClaimName": "tenant", "inboundTokenClaimValueType": "STRING",
                                  "authorizingClaimMatchValue": {"claimMatchOperator": "EQUALS",
                                                                 "claimMatchValue": {"matchValueString": "t1"}}}]}},
            "lifecycleConfiguration": {"idleRuntimeSessionTimeout": 900, "maxLifetime": 28800},
            "environmentVariables": {"AGENT_MODEL_PROVIDER": "bedrock", "MaxTokens": "5"},
            "tags": {"Project": "blueprint"},
        })

    def test_a_property_the_api_does_not_have_is_named(self):
        with self.assertRaises(ValidationError) as refused:
            _request("CreateAgentRuntime", {"AgentRuntimeName": "a", "NetworkConfiguration": {"Mode": "PUBLIC"}},
                     "HelloAgentRuntime")
        self.assertEqual(refused.exception.message,
                         "HelloAgentRuntime.NetworkConfiguration.Mode: not a member of NetworkConfiguration in"
                         " bedrock-agentcore-control's model")

    def test_a_value_of_the_wrong_kind_is_named(self):
        with self.assertRaises(ValidationError) as refused:
            _request("CreateAgentRuntime", {"LifecycleConfiguration": {"MaxLifetime": "long"}}, "Rt")
        self.assertEqual(refused.exception.message, "Rt.LifecycleConfiguration.MaxLifetime: expected an integer,"
                                                    " got 'long'")
