import json
import unittest

import boto3
from moto import mock_aws

from local_aws import cfn_fixes


class GeneratedRoleNamesTest(unittest.TestCase):
    """CloudFormation cuts a generated role name to IAM's 64 characters; moto joined stack name and logical id whole."""

    @classmethod
    def setUpClass(cls):
        cfn_fixes.install()

    @mock_aws
    def test_a_role_of_a_long_stack_gets_a_name_of_at_most_64_characters(self):
        stack_name = "agentcore-sandbox-runtime-fitness-coach-agent"
        template = {"Resources": {"ExecutionRole": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"Service": "bedrock-agentcore.amazonaws.com"},
                "Action": "sts:AssumeRole"}]}}}}}
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        cloudformation.create_stack(StackName=stack_name, TemplateBody=json.dumps(template),
                                    Capabilities=["CAPABILITY_IAM"])
        role = cloudformation.describe_stack_resource(StackName=stack_name, LogicalResourceId="ExecutionRole")
        name = role["StackResourceDetail"]["PhysicalResourceId"]
        self.assertLessEqual(len(name), 64, name)
        self.assertTrue(name.startswith("agentcore-sandbox-runtime-fitness-coach-agent-Exec"), name)
        self.assertFalse(name.split("-")[-1] == "", name)
        iam = boto3.client("iam", region_name="us-east-1")
        self.assertEqual(iam.get_role(RoleName=name)["Role"]["RoleName"], name)

    def test_short_names_and_other_types_are_left_alone(self):
        from moto.cloudformation import parsing
        self.assertRegex(parsing.generate_resource_name("AWS::IAM::Role", "ac", "Role"), r"^ac-Role-[A-Za-z0-9]+$")
        long = parsing.generate_resource_name("AWS::SQS::Queue", "x" * 60, "QueueWithALongLogicalId")
        self.assertGreater(len(long), 64)


class RoleUpdatesTest(unittest.TestCase):
    """A stack update that changes a role's inline policies or trust policy changes them in IAM, as on AWS."""

    @classmethod
    def setUpClass(cls):
        cfn_fixes.install()

    @staticmethod
    def template(resource: str, service: str) -> str:
        return json.dumps({"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]},
            "Policies": [{"PolicyName": "tokens", "PolicyDocument": {"Version": "2012-10-17", "Statement": [{
                "Effect": "Allow", "Action": "bedrock-agentcore:GetWorkloadAccessTokenForJWT",
                "Resource": resource}]}}]}}}})

    @mock_aws
    def test_the_fixed_grant_and_trust_reach_iam(self):
        cloudformation = boto3.client("cloudformation", region_name="us-east-1")
        iam = boto3.client("iam", region_name="us-east-1")
        cloudformation.create_stack(StackName="role-update", Capabilities=["CAPABILITY_IAM"],
                                    TemplateBody=self.template("arn:aws:bedrock-agentcore:*:*:*/agentName-*",
                                                               "lambda.amazonaws.com"))
        name = cloudformation.describe_stack_resource(StackName="role-update", LogicalResourceId="Role")[
            "StackResourceDetail"]["PhysicalResourceId"]
        cloudformation.update_stack(StackName="role-update", Capabilities=["CAPABILITY_IAM"],
                                    TemplateBody=self.template("arn:aws:bedrock-agentcore:*:*:*/mcp_echo-*",
                                                               "bedrock-agentcore.amazonaws.com"))
        policy = iam.get_role_policy(RoleName=name, PolicyName="tokens")["PolicyDocument"]
        self.assertIn("mcp_echo-*", json.dumps(policy))
        self.assertNotIn("agentName", json.dumps(policy))
        trust = iam.get_role(RoleName=name)["Role"]["AssumeRolePolicyDocument"]
        self.assertIn("bedrock-agentcore.amazonaws.com", json.dumps(trust))


if __name__ == "__main__":
    unittest.main()
