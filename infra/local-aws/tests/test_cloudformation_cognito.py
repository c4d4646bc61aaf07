"""CloudFormation (moto, in its own process) creates, updates and deletes the AWS::Cognito::* resources of
infra/templates/cognito.yaml in moto's cognito-idp, where CognitoIdentityProvider (boto3) finds them."""

import json
import re
import unittest

from botocore.exceptions import ClientError

from tests import stack

ACCOUNT = stack.ACCOUNT
# The AgentCore endpoint is only called for AgentCore types: these templates have none.
NO_AGENTCORE = "http://127.0.0.1:9"

TRIMMED = """
Parameters:
  Protection: {Type: String}
  Prefix: {Type: String}
  ServerName: {Type: String}
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "${AWS::StackName}-pool"
      DeletionProtection: !Ref Protection
  Domain:
    Type: AWS::Cognito::UserPoolDomain
    Properties: {UserPoolId: !Ref Pool, Domain: !Ref Prefix}
  Server:
    Type: AWS::Cognito::UserPoolResourceServer
    Properties:
      UserPoolId: !Ref Pool
      Identifier: api
      Name: !Ref ServerName
      Scopes: [{ScopeName: read, ScopeDescription: Read}]
  Client:
    Type: AWS::Cognito::UserPoolClient
    DependsOn: Server
    Properties:
      UserPoolId: !Ref Pool
      ClientName: trimmed-client
      GenerateSecret: true
      AllowedOAuthFlowsUserPoolClient: true
      AllowedOAuthFlows: [client_credentials]
      AllowedOAuthScopes: [api/read]
Outputs:
  PoolId: {Value: !GetAtt Pool.UserPoolId}
  PoolArn: {Value: !GetAtt Pool.Arn}
  ProviderName: {Value: !GetAtt Pool.ProviderName}
  ProviderURL: {Value: !GetAtt Pool.ProviderURL}
  DomainRef: {Value: !Ref Domain}
  Distribution: {Value: !GetAtt Domain.CloudFrontDistribution}
  ServerRef: {Value: !Ref Server}
  ClientRef: {Value: !Ref Client}
  ClientId: {Value: !GetAtt Client.ClientId}
  ClientName: {Value: !GetAtt Client.Name}
  ClientSecret: {Value: !GetAtt Client.ClientSecret}
"""

local_aws = None


def setUpModule():
    global local_aws
    local_aws = stack.start_local_aws(NO_AGENTCORE)


def tearDownModule():
    if local_aws is not None:
        local_aws.stop()


def client(service):
    return stack.LocalStack(None, local_aws).client(service)


def template(name):
    with open(stack.REPOSITORY / "infra/templates" / name) as f:
        return f.read()


def pool_ids(idp):
    return {p["Name"]: p["Id"] for p in idp.list_user_pools(MaxResults=60)["UserPools"]}


def clients_by_name(idp, pool_id):
    return {c["ClientName"]: c["ClientId"]
            for c in idp.list_user_pool_clients(UserPoolId=pool_id, MaxResults=60)["UserPoolClients"]}


def parameters_of(template_text):
    """The names under the template's Parameters: (two spaces, a name, a colon)."""
    section = template_text.split("\nParameters:\n", 1)[1].split("\nResources:\n", 1)[0]
    return re.findall(r"^  (\w+):", section, re.MULTILINE)


class CloudFormationCognitoTest(unittest.TestCase):
    def setUp(self):
        self.cfn = client("cloudformation")
        self.idp = client("cognito-idp")

    def test_the_cognito_template_deploys_as_on_aws_and_gives_the_runtimes_stack_its_parameters(self):
        with open(stack.REPOSITORY / "infra/env/sandbox.params.json") as f:
            parameters = json.load(f)["parameters"]["cognito"]  # the deploy tool's values for this stack
        self.assertEqual(parameters, {"DomainPrefix": "agentcore-sandbox"})
        cognito_yaml = template("cognito.yaml")
        created = stack.deploy(self.cfn, "cognito", cognito_yaml, parameters, "CREATE")
        self.assertEqual(created["status"], "CREATE_COMPLETE")

        pool_id = pool_ids(self.idp)["agentcore-blueprint"]
        self.assertRegex(pool_id, r"^us-east-1_\w+$")
        clients = clients_by_name(self.idp, pool_id)
        self.assertEqual(set(clients), {"agentcore-machine", "agentcore-user"})
        domain = f"agentcore-sandbox-{ACCOUNT}"
        out = created["outputs"]
        self.assertEqual(out, {
            "CognitoUserPoolId": pool_id,
            "CognitoUserPoolArn": f"arn:aws:cognito-idp:us-east-1:{ACCOUNT}:userpool/{pool_id}",
            "CognitoDiscoveryUrl": f"https://cognito-idp.us-east-1.amazonaws.com/{pool_id}"
                                   "/.well-known/openid-configuration",
            "CognitoTokenUrl": f"https://{domain}.auth.us-east-1.amazoncognito.com/oauth2/token",
            "CognitoMachineClientId": clients["agentcore-machine"],
            "CognitoUserClientId": clients["agentcore-user"],
            "CognitoInvokeScope": "agentcore/invoke",
            "CognitoMcpScope": "agentcore/mcp",
        })
        # Every Cognito* parameter of runtime.yaml is an output here: the deploy tool passes outputs on by name.
        wanted = [p for p in parameters_of(template("runtime.yaml")) if p.startswith("Cognito")]
        self.assertEqual(len(wanted), 5)
        self.assertLessEqual(set(wanted), set(out))

        pool = self.idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]
        self.assertEqual(pool["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"], True)
        self.assertEqual(pool["UsernameAttributes"], ["email"])
        self.assertEqual(pool["AutoVerifiedAttributes"], ["email"])
        self.assertEqual(pool["AccountRecoverySetting"],
                         {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]})
        self.assertEqual(pool["Policies"]["PasswordPolicy"], {
            "MinimumLength": 12, "RequireLowercase": True, "RequireUppercase": True, "RequireNumbers": True,
            "RequireSymbols": True, "TemporaryPasswordValidityDays": 3})
        self.assertEqual(pool["DeletionProtection"], "ACTIVE")
        mfa = self.idp.get_user_pool_mfa_config(UserPoolId=pool_id)
        self.assertEqual(mfa["MfaConfiguration"], "OPTIONAL")
        self.assertEqual(mfa["SoftwareTokenMfaConfiguration"], {"Enabled": True})
        self.assertNotIn("SmsMfaConfiguration", mfa)

        described = self.idp.describe_user_pool_domain(Domain=domain)["DomainDescription"]
        self.assertEqual((described["UserPoolId"], described["Status"]), (pool_id, "ACTIVE"))
        server = self.idp.describe_resource_server(UserPoolId=pool_id, Identifier="agentcore")["ResourceServer"]
        self.assertEqual(server["Name"], "AgentCore runtimes")
        self.assertEqual(server["Scopes"], [
            {"ScopeName": "invoke", "ScopeDescription": "Invoke HTTP agent runtimes"},
            {"ScopeName": "mcp", "ScopeDescription": "Call tools on MCP server runtimes"}])

        machine = self.idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=clients["agentcore-machine"])[
            "UserPoolClient"]
        self.assertTrue(machine["ClientSecret"])
        self.assertEqual(machine["AllowedOAuthFlows"], ["client_credentials"])
        self.assertEqual(machine["AllowedOAuthScopes"], ["agentcore/invoke", "agentcore/mcp"])
        self.assertTrue(machine["AllowedOAuthFlowsUserPoolClient"])
        self.assertEqual(machine["ExplicitAuthFlows"], ["ALLOW_REFRESH_TOKEN_AUTH"])
        self.assertEqual(machine["AccessTokenValidity"], 60)
        self.assertEqual(machine["TokenValidityUnits"], {"AccessToken": "minutes"})
        self.assertTrue(machine["EnableTokenRevocation"])
        self.assertEqual(machine["PreventUserExistenceErrors"], "ENABLED")
        user = self.idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=clients["agentcore-user"])[
            "UserPoolClient"]
        self.assertNotIn("ClientSecret", user)
        self.assertEqual(user["AllowedOAuthFlows"], ["code"])
        self.assertEqual(user["AllowedOAuthScopes"], ["openid", "email", "agentcore/invoke", "agentcore/mcp"])
        self.assertEqual(user["CallbackURLs"], ["http://localhost:8765/callback"])
        self.assertEqual(user["SupportedIdentityProviders"], ["COGNITO"])
        self.assertEqual(user["ExplicitAuthFlows"],
                         ["ALLOW_USER_SRP_AUTH", "ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"])

        # Shorter tokens and a second callback: both clients are updated in place (same ids), nothing else lost.
        updated = stack.deploy(self.cfn, "cognito", cognito_yaml, {
            **parameters, "AccessTokenMinutes": "30",
            "UserCallbackUrls": "http://localhost:8765/callback,http://localhost:9876/callback"}, "UPDATE")
        self.assertEqual(updated["status"], "UPDATE_COMPLETE")
        self.assertEqual(updated["outputs"], out)
        machine = self.idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=clients["agentcore-machine"])[
            "UserPoolClient"]
        self.assertEqual(machine["AccessTokenValidity"], 30)
        self.assertEqual(machine["AllowedOAuthScopes"], ["agentcore/invoke", "agentcore/mcp"])
        user = self.idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=clients["agentcore-user"])[
            "UserPoolClient"]
        self.assertEqual(user["AccessTokenValidity"], 30)
        self.assertEqual(user["CallbackURLs"], ["http://localhost:8765/callback", "http://localhost:9876/callback"])

        # Deleting the stack deletes the domain, the resource server and the clients; the pool has
        # DeletionPolicy Retain (its users and MFA devices outlive the stack), so it stays, as on AWS.
        self.cfn.delete_stack(StackName="cognito")
        self.assertEqual(self.idp.describe_user_pool_domain(Domain=domain)["DomainDescription"], {})
        self.assertEqual(clients_by_name(self.idp, pool_id), {})
        with self.assertRaises(ClientError) as gone:
            self.idp.describe_resource_server(UserPoolId=pool_id, Identifier="agentcore")
        self.assertEqual(gone.exception.response["Error"]["Code"], "ResourceNotFoundException")
        self.assertEqual(self.idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]["Name"], "agentcore-blueprint")

    def test_refs_attributes_replacement_and_deletion_of_a_pool_the_stack_owns(self):
        created = stack.deploy(self.cfn, "trimmed", TRIMMED,
                               {"Protection": "ACTIVE", "Prefix": "trimmed-one", "ServerName": "API"}, "CREATE")
        self.assertEqual(created["status"], "CREATE_COMPLETE")
        pool_id = pool_ids(self.idp)["trimmed-pool"]
        client_id = clients_by_name(self.idp, pool_id)["trimmed-client"]
        secret = self.idp.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)["UserPoolClient"][
            "ClientSecret"]
        distribution = self.idp.describe_user_pool_domain(Domain="trimmed-one")["DomainDescription"][
            "CloudFrontDistribution"]
        self.assertEqual(created["outputs"], {
            "PoolId": pool_id,
            "PoolArn": f"arn:aws:cognito-idp:us-east-1:{ACCOUNT}:userpool/{pool_id}",
            "ProviderName": f"cognito-idp.us-east-1.amazonaws.com/{pool_id}",
            "ProviderURL": f"https://cognito-idp.us-east-1.amazonaws.com/{pool_id}",
            "DomainRef": "trimmed-one", "Distribution": distribution, "ServerRef": "api",
            "ClientRef": client_id, "ClientId": client_id, "ClientName": "trimmed-client", "ClientSecret": secret,
        })

        # Domain is create-only: a new prefix replaces the domain. The resource server's name and the pool's
        # deletion protection change in place.
        updated = stack.deploy(self.cfn, "trimmed", TRIMMED,
                               {"Protection": "INACTIVE", "Prefix": "trimmed-two", "ServerName": "Renamed"}, "UPDATE")
        self.assertEqual(updated["outputs"]["DomainRef"], "trimmed-two")
        self.assertEqual(self.idp.describe_user_pool_domain(Domain="trimmed-one")["DomainDescription"], {})
        self.assertEqual(self.idp.describe_user_pool_domain(Domain="trimmed-two")["DomainDescription"]["UserPoolId"],
                         pool_id)
        server = self.idp.describe_resource_server(UserPoolId=pool_id, Identifier="api")["ResourceServer"]
        self.assertEqual(server["Name"], "Renamed")
        self.assertEqual(server["Scopes"], [{"ScopeName": "read", "ScopeDescription": "Read"}])
        self.assertEqual(updated["outputs"]["ClientId"], client_id)
        self.assertEqual(updated["outputs"]["PoolId"], pool_id)
        self.assertEqual(self.idp.describe_user_pool(UserPoolId=pool_id)["UserPool"]["DeletionProtection"],
                         "INACTIVE")

        # UpdateUserPool cannot change how users sign in; replacing the pool would lose them: refused.
        with self.assertRaises(ClientError) as refused:
            stack.deploy(self.cfn, "trimmed", TRIMMED.replace(
                "DeletionProtection: !Ref Protection",
                "DeletionProtection: !Ref Protection\n      UsernameAttributes: [email]"),
                {"Protection": "INACTIVE", "Prefix": "trimmed-two", "ServerName": "Renamed"}, "UPDATE")
        self.assertEqual(refused.exception.response["Error"]["Message"],
                         "Pool.UsernameAttributes: UpdateUserPool cannot change it, and the local AWS does not replace"
                         " a user pool (its users would be lost)")
        self.assertNotIn("UsernameAttributes", self.idp.describe_user_pool(UserPoolId=pool_id)["UserPool"])

        self.cfn.delete_stack(StackName="trimmed")
        self.assertNotIn("trimmed-pool", pool_ids(self.idp))
        self.assertEqual(self.idp.describe_user_pool_domain(Domain="trimmed-two")["DomainDescription"], {})

    def test_a_pool_with_deletion_protection_is_not_deleted(self):
        stack.deploy(self.cfn, "protected", TRIMMED,
                     {"Protection": "ACTIVE", "Prefix": "protected", "ServerName": "API"}, "CREATE")
        with self.assertRaises(ClientError) as refused:
            self.cfn.delete_stack(StackName="protected")
        self.assertEqual(
            refused.exception.response["Error"]["Message"],
            'Pool (AWS::Cognito::UserPool): Resource handler returned message: "The user pool cannot be deleted'
            ' because deletion protection is activated. Deletion protection must be inactivated first."'
            " (HandlerErrorCode: InvalidRequest)")
        self.assertIn("protected-pool", pool_ids(self.idp))

    def test_a_property_the_local_aws_cannot_honour_is_refused_with_its_path(self):
        cases = [
            ("Properties: {UserPoolId: !Ref Pool, Domain: !Ref Prefix}",
             "Properties: {UserPoolId: !Ref Pool, Domain: !Ref Prefix, ManagedLoginVersion: 2}",
             "Domain.ManagedLoginVersion: the local AWS cannot honour it (moto 5.2.5 keeps no managed login version"
             " for a domain)"),
            ("AllowedOAuthFlows: [client_credentials]", "AllowedOAuthFlow: [client_credentials]",
             "Client.AllowedOAuthFlow: not a member of CreateUserPoolClientRequest in cognito-idp's model"),
            ("DeletionProtection: !Ref Protection",
             "DeletionProtection: !Ref Protection\n      EnabledMfas: [EMAIL_OTP]",
             "Pool.EnabledMfas[0]: the local AWS cannot honour EMAIL_OTP (moto 5.2.5 has no email MFA)"),
        ]
        for i, (old, new, message) in enumerate(cases):
            with self.subTest(new):
                self.assertIn(old, TRIMMED)
                with self.assertRaises(ClientError) as refused:
                    stack.deploy(self.cfn, f"refused-{i}", TRIMMED.replace(old, new),
                                 {"Protection": "INACTIVE", "Prefix": f"refused-{i}", "ServerName": "API"}, "CREATE")
                self.assertEqual(refused.exception.response["Error"]["Code"], "ValidationError")
                self.assertEqual(refused.exception.response["Error"]["Message"], message)

if __name__ == "__main__":
    unittest.main()
