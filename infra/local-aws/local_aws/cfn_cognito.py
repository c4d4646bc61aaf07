"""AWS::Cognito::UserPool, ::UserPoolDomain, ::UserPoolResourceServer and ::UserPoolClient for moto's CloudFormation,
served by moto's own cognito-idp backend in the same process (so CognitoIdentityProvider answers what the stack made).

Properties become the API's request through botocore's cognito-idp model (CreateUserPool, CreateUserPoolClient, ...),
checked as the SDK checks a request (members, types, required members), then go to the backend method the API's
handler calls. A property moto 5.2.5 cannot honour is refused with its path. Ref and Fn::GetAtt answer what the resource
schemas of AWS::Cognito::* say (cfn-lint's copy, 1.58.0): Ref is the pool id, the domain prefix, the resource server's
identifier, the client id; the attributes are the schemas' read-only properties.

Where moto's backend has no operation, the handler does what the API would on moto's model, and says so: a resource
server is updated and deleted in place (moto 5.2.5 has no UpdateResourceServer or DeleteResourceServer), a client's
update starts from moto's defaults (UpdateUserPoolClient replaces the settings; moto merges them), a pool rename sets
its name (moto's UpdateUserPool ignores PoolName), a pool with DeletionProtection ACTIVE is not deleted (moto's
DeleteUserPool ignores it).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

import boto3
from botocore.validate import ParamValidator
from moto.cloudformation.exceptions import UnformattedGetAttTemplateException, ValidationError
from moto.cognitoidp.exceptions import InvalidParameterException, ResourceNotFoundError
from moto.cognitoidp.models import CognitoIdpBackend, CognitoIdpUserPoolClient, cognitoidp_backends
from moto.core.common_models import CloudFormationModel
from moto.core.exceptions import JsonRESTError

import local_aws  # noqa: F401  (refuses another moto version before anything below touches moto)
from local_aws.cfn_api import DeclaredModel, handler_failed, to_api

SERVICE = "cognito-idp"

_model = None


def cognito_model() -> Any:
    global _model
    if _model is None:
        _model = boto3.session.Session().client(SERVICE, region_name="us-east-1").meta.service_model
    return _model


def backend(account_id: str, region: str) -> CognitoIdpBackend:
    return cognitoidp_backends[account_id][region]


def api_request(operation: str, properties: dict[str, Any], path: str) -> dict[str, Any]:
    """`properties` as `operation` takes them, checked as botocore checks a request before it is sent."""
    shape = cognito_model().operation_model(operation).input_shape
    request = to_api(properties, shape, path, SERVICE)
    report = ParamValidator().validate(request, shape)
    if report.has_errors():
        problems = [line.strip() for line in report.generate_report().splitlines()[1:] if line.strip()]
        raise ValidationError(message=f"{path}: {operation}: {'; '.join(problems)}")
    return request


def refuse_unsupported(logical_id: str, properties: dict[str, Any], unsupported: dict[str, str]) -> None:
    for name, why in unsupported.items():
        if name in properties:
            raise ValidationError(message=f"{logical_id}.{name}: the local AWS cannot honour it ({why})")


@contextmanager
def handling(logical_id: str, resource_type: str) -> Iterator[None]:
    """The backend's errors, worded as CloudFormation words a handler's failure."""
    try:
        yield
    except JsonRESTError as e:
        raise handler_failed(logical_id, resource_type, e.error_type, e.message) from None


def _changed(old: dict[str, Any], new: dict[str, Any], names: tuple[str, ...]) -> bool:
    return any(old.get(name) != new.get(name) for name in names)


class CognitoUserPool(DeclaredModel, CloudFormationModel):
    """AWS::Cognito::UserPool: CreateUserPool, then SetUserPoolMfaConfig for EnabledMfas; UpdateUserPool;
    DeleteUserPool."""

    TYPE = "AWS::Cognito::UserPool"
    NAME_TYPE = "UserPoolName"
    ATTRIBUTES = ("Arn", "ProviderName", "ProviderURL", "UserPoolId")
    UNSUPPORTED = {
        "EmailAuthenticationMessage": "moto 5.2.5 has no email MFA",
        "EmailAuthenticationSubject": "moto 5.2.5 has no email MFA",
        "WebAuthnRelyingPartyID": "moto 5.2.5 has no passkey (WebAuthn) sign-in",
        "WebAuthnUserVerification": "moto 5.2.5 has no passkey (WebAuthn) sign-in",
        "WebAuthnFactorConfiguration": "moto 5.2.5 has no passkey (WebAuthn) sign-in",
    }
    DELETION_PROTECTED = ("The user pool cannot be deleted because deletion protection is activated. Deletion"
                          " protection must be inactivated first.")

    def __init__(self, logical_id: str, account_id: str, region: str, properties: dict[str, Any],
                 request: dict[str, Any], pool_id: str) -> None:
        self.logical_id = logical_id
        self.account_id = account_id
        self.region = region
        self.properties = properties
        self.request = request
        self.pool_id = pool_id

    @property
    def physical_resource_id(self) -> str:
        return self.pool_id


    def get_cfn_attribute(self, attribute_name: str) -> Any:
        provider = f"cognito-idp.{self.region}.amazonaws.com/{self.pool_id}"
        values = {
            "Arn": f"arn:aws:cognito-idp:{self.region}:{self.account_id}:userpool/{self.pool_id}",
            "ProviderName": provider,
            "ProviderURL": f"https://{provider}",
            "UserPoolId": self.pool_id,
        }
        if attribute_name not in values:
            raise UnformattedGetAttTemplateException()
        return values[attribute_name]

    @classmethod
    def _request(cls, logical_id: str, properties: dict[str, Any], name: str) -> tuple[dict[str, Any], tuple]:
        """CreateUserPool's request and SetUserPoolMfaConfig's (SMS, software token) settings for EnabledMfas."""
        refuse_unsupported(logical_id, properties, cls.UNSUPPORTED)
        rest = {k: v for k, v in properties.items() if k not in ("UserPoolName", "EnabledMfas")}
        request = api_request("CreateUserPool", {"PoolName": name, **rest}, logical_id)
        sms = token = None
        for i, factor in enumerate(properties.get("EnabledMfas") or []):
            if factor == "SOFTWARE_TOKEN_MFA":
                token = {"Enabled": True}
            elif factor == "SMS_MFA":
                if "SmsConfiguration" not in request:
                    raise ValidationError(message=f"{logical_id}.EnabledMfas[{i}]: SMS_MFA needs SmsConfiguration")
                sms = {"SmsConfiguration": request["SmsConfiguration"]}
                if "SmsAuthenticationMessage" in request:
                    sms["SmsAuthenticationMessage"] = request["SmsAuthenticationMessage"]
            elif factor == "EMAIL_OTP":
                raise ValidationError(message=f"{logical_id}.EnabledMfas[{i}]: the local AWS cannot honour EMAIL_OTP"
                                      " (moto 5.2.5 has no email MFA)")
            else:
                raise ValidationError(message=f"{logical_id}.EnabledMfas[{i}]: {factor!r} is not SMS_MFA,"
                                      " SOFTWARE_TOKEN_MFA or EMAIL_OTP")
        return request, (sms, token)

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
        **kwargs: Any,
    ) -> CognitoUserPool:
        logical_id = kwargs.get("LogicalId", resource_name)
        properties = cloudformation_json.get("Properties", {})
        # resource_name is UserPoolName, or the name CloudFormation makes up when the template gives none.
        request, (sms, token) = cls._request(logical_id, properties, str(properties.get("UserPoolName",
                                                                                        resource_name)))
        cognito = backend(account_id, region_name)
        with handling(logical_id, cls.TYPE):
            extended = {k: v for k, v in request.items() if k != "PoolName"}
            pool = cognito.create_user_pool(request["PoolName"], extended)
            cognito.set_user_pool_mfa_config(pool.id, sms, token, request.get("MfaConfiguration", "OFF"))
        return cls(logical_id, account_id, region_name, properties, request, pool.id)

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls, original_resource: CognitoUserPool, new_resource_name: str, cloudformation_json: dict[str, Any],
        account_id: str, region_name: str,
    ) -> CognitoUserPool:
        logical_id = original_resource.logical_id
        properties = cloudformation_json.get("Properties", {})
        if properties == original_resource.properties:
            return original_resource  # CloudFormation calls no handler for a resource that did not change
        name = str(properties.get("UserPoolName", original_resource.request["PoolName"]))
        request, (sms, token) = cls._request(logical_id, properties, name)
        model = cognito_model()
        fixed = sorted(set(model.operation_model("CreateUserPool").input_shape.members)
                       - set(model.operation_model("UpdateUserPool").input_shape.members))
        for member in fixed:
            if original_resource.request.get(member) != request.get(member):
                raise ValidationError(message=f"{logical_id}.{member}: UpdateUserPool cannot change it, and the local"
                                      " AWS does not replace a user pool (its users would be lost)")
        cognito = backend(account_id, region_name)
        pool_id = original_resource.pool_id
        with handling(logical_id, cls.TYPE):
            pool = cognito.describe_user_pool(pool_id)
            # moto's update_user_pool replaces the pool's settings with what it is given: give all of them.
            cognito.update_user_pool(pool_id, {k: v for k, v in request.items() if k not in ("PoolName", "Schema")})
            pool.name = request["PoolName"]  # UpdateUserPool takes PoolName; moto's ignores it
            cognito.set_user_pool_mfa_config(pool_id, sms, token, request.get("MfaConfiguration", "OFF"))
        return cls(logical_id, account_id, region_name, properties, request, pool_id)

    def delete(self, account_id: str, region_name: str) -> None:
        cognito = backend(account_id, region_name)
        with handling(self.logical_id, self.TYPE):
            pool = cognito.user_pools.get(self.pool_id)
            if pool is None:
                return  # gone already is deleted
            if pool.extended_config.get("DeletionProtection") == "ACTIVE":
                raise InvalidParameterException(self.DELETION_PROTECTED)
            cognito.delete_user_pool(self.pool_id)

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> None:
        cls(resource_name, account_id, region_name, {}, {}, resource_name).delete(account_id, region_name)

    def is_created(self) -> bool:
        return True


class CognitoUserPoolDomain(DeclaredModel, CloudFormationModel):
    """AWS::Cognito::UserPoolDomain: CreateUserPoolDomain, UpdateUserPoolDomain (CustomDomainConfig),
    DeleteUserPoolDomain. UserPoolId and Domain are create-only: a new value replaces the domain."""

    TYPE = "AWS::Cognito::UserPoolDomain"
    NAME_TYPE = ""  # Domain is required: CloudFormation makes up no name
    ATTRIBUTES = ("CloudFrontDistribution",)
    CREATE_ONLY = ("UserPoolId", "Domain")
    UNSUPPORTED = {
        "ManagedLoginVersion": "moto 5.2.5 keeps no managed login version for a domain",
        "Routing": "moto 5.2.5 keeps no routing for a domain",
    }
    TAKEN = "Domain already associated with another user pool."

    def __init__(self, logical_id: str, properties: dict[str, Any], request: dict[str, Any],
                 distribution: str) -> None:
        self.logical_id = logical_id
        self.properties = properties
        self.request = request
        self.distribution = distribution

    @property
    def physical_resource_id(self) -> str:
        return self.request["Domain"]


    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if attribute_name != "CloudFrontDistribution":
            raise UnformattedGetAttTemplateException()
        return self.distribution

    @classmethod
    def _request(cls, logical_id: str, properties: dict[str, Any]) -> dict[str, Any]:
        refuse_unsupported(logical_id, properties, cls.UNSUPPORTED)
        return api_request("CreateUserPoolDomain", properties, logical_id)

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
        **kwargs: Any,
    ) -> CognitoUserPoolDomain:
        logical_id = kwargs.get("LogicalId", resource_name)
        properties = cloudformation_json.get("Properties", {})
        return cls._create(logical_id, account_id, region_name, properties, cls._request(logical_id, properties))

    @classmethod
    def _create(cls, logical_id: str, account_id: str, region: str, properties: dict[str, Any],
                request: dict[str, Any]) -> CognitoUserPoolDomain:
        cognito = backend(account_id, region)
        with handling(logical_id, cls.TYPE):
            if cognito.describe_user_pool_domain(request["Domain"]) is not None:
                raise InvalidParameterException(cls.TAKEN)  # prefixes are unique; moto's backend overwrites
            domain = cognito.create_user_pool_domain(request["UserPoolId"], request["Domain"],
                                                     request.get("CustomDomainConfig"))
        return cls(logical_id, properties, request, domain.to_json(extended=False)["CloudFrontDomain"])

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls, original_resource: CognitoUserPoolDomain, new_resource_name: str,
        cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> CognitoUserPoolDomain:
        logical_id = original_resource.logical_id
        properties = cloudformation_json.get("Properties", {})
        if properties == original_resource.properties:
            return original_resource
        request = cls._request(logical_id, properties)
        if _changed(original_resource.request, request, cls.CREATE_ONLY):
            replacement = cls._create(logical_id, account_id, region_name, properties, request)
            original_resource.delete(account_id, region_name)
            return replacement
        with handling(logical_id, cls.TYPE):
            domain = backend(account_id, region_name).update_user_pool_domain(
                request["Domain"], request.get("CustomDomainConfig"))
        return cls(logical_id, properties, request, domain.to_json(extended=False)["CloudFrontDomain"])

    def delete(self, account_id: str, region_name: str) -> None:
        with handling(self.logical_id, self.TYPE):
            try:
                backend(account_id, region_name).delete_user_pool_domain(self.request["Domain"])
            except ResourceNotFoundError:
                pass  # gone already is deleted

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> None:
        cls(resource_name, {}, {"Domain": resource_name}, "").delete(account_id, region_name)

    def is_created(self) -> bool:
        return True


class CognitoUserPoolResourceServer(DeclaredModel, CloudFormationModel):
    """AWS::Cognito::UserPoolResourceServer: CreateResourceServer; the update and the delete change moto's model as
    UpdateResourceServer and DeleteResourceServer would (moto 5.2.5 has neither). UserPoolId and Identifier are
    create-only."""

    TYPE = "AWS::Cognito::UserPoolResourceServer"
    NAME_TYPE = ""  # Name is required: CloudFormation makes up no name
    ATTRIBUTES = ()  # the schema has no read-only properties
    CREATE_ONLY = ("UserPoolId", "Identifier")

    def __init__(self, logical_id: str, properties: dict[str, Any], request: dict[str, Any]) -> None:
        self.logical_id = logical_id
        self.properties = properties
        self.request = request

    @property
    def physical_resource_id(self) -> str:
        return self.request["Identifier"]


    def get_cfn_attribute(self, attribute_name: str) -> Any:
        raise UnformattedGetAttTemplateException()

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
        **kwargs: Any,
    ) -> CognitoUserPoolResourceServer:
        logical_id = kwargs.get("LogicalId", resource_name)
        properties = cloudformation_json.get("Properties", {})
        request = api_request("CreateResourceServer", properties, logical_id)
        return cls._create(logical_id, account_id, region_name, properties, request)

    @classmethod
    def _create(cls, logical_id: str, account_id: str, region: str, properties: dict[str, Any],
                request: dict[str, Any]) -> CognitoUserPoolResourceServer:
        with handling(logical_id, cls.TYPE):
            backend(account_id, region).create_resource_server(request["UserPoolId"], request["Identifier"],
                                                               request["Name"], request.get("Scopes"))
        return cls(logical_id, properties, request)

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls, original_resource: CognitoUserPoolResourceServer, new_resource_name: str,
        cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> CognitoUserPoolResourceServer:
        logical_id = original_resource.logical_id
        properties = cloudformation_json.get("Properties", {})
        if properties == original_resource.properties:
            return original_resource
        request = api_request("UpdateResourceServer", properties, logical_id)
        if _changed(original_resource.request, request, cls.CREATE_ONLY):
            replacement = cls._create(logical_id, account_id, region_name, properties, request)
            original_resource.delete(account_id, region_name)
            return replacement
        with handling(logical_id, cls.TYPE):
            server = backend(account_id, region_name).describe_resource_server(request["UserPoolId"],
                                                                               request["Identifier"])
            # UpdateResourceServer replaces the name and the scopes (scopes left out are removed).
            server.name = request["Name"]
            server.scopes = request.get("Scopes")
        return cls(logical_id, properties, request)

    def delete(self, account_id: str, region_name: str) -> None:
        pool = backend(account_id, region_name).user_pools.get(self.request["UserPoolId"])
        if pool is not None:  # a pool gone takes its resource servers with it
            pool.resource_servers.pop(self.request["Identifier"], None)

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> None:
        # Only reached if delete() itself failed: the identifier alone does not say which pool's server it is.
        raise ValidationError(message=f"cannot delete resource server {resource_name} without its user pool id")

    def is_created(self) -> bool:
        return True


class CognitoUserPoolClient(DeclaredModel, CloudFormationModel):
    """AWS::Cognito::UserPoolClient: CreateUserPoolClient, UpdateUserPoolClient, DeleteUserPoolClient. UserPoolId and
    GenerateSecret are create-only: a new value replaces the client (a new id, and a new secret)."""

    TYPE = "AWS::Cognito::UserPoolClient"
    NAME_TYPE = "ClientName"
    ATTRIBUTES = ("ClientId", "ClientSecret", "Name")
    CREATE_ONLY = ("UserPoolId", "GenerateSecret")

    def __init__(self, logical_id: str, account_id: str, region: str, properties: dict[str, Any],
                 request: dict[str, Any], client_id: str) -> None:
        self.logical_id = logical_id
        self.account_id = account_id
        self.region = region
        self.properties = properties
        self.request = request
        self.client_id = client_id

    @property
    def physical_resource_id(self) -> str:
        return self.client_id


    def get_cfn_attribute(self, attribute_name: str) -> Any:
        if attribute_name == "ClientId":
            return self.client_id
        if attribute_name == "Name":
            return self.request["ClientName"]
        if attribute_name == "ClientSecret":
            if not self.request.get("GenerateSecret"):
                raise ValidationError(message=f"{self.logical_id}.ClientSecret has no value (GenerateSecret is not"
                                      " true)")
            client = backend(self.account_id, self.region).describe_user_pool_client(self.request["UserPoolId"],
                                                                                     self.client_id)
            return client.secret
        raise UnformattedGetAttTemplateException()

    @classmethod
    def _request(cls, logical_id: str, properties: dict[str, Any], name: str) -> dict[str, Any]:
        return api_request("CreateUserPoolClient", {"ClientName": name, **properties}, logical_id)

    @classmethod
    def create_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
        **kwargs: Any,
    ) -> CognitoUserPoolClient:
        logical_id = kwargs.get("LogicalId", resource_name)
        properties = cloudformation_json.get("Properties", {})
        # resource_name is ClientName, or the name CloudFormation makes up when the template gives none.
        request = cls._request(logical_id, properties, str(properties.get("ClientName", resource_name)))
        return cls._create(logical_id, account_id, region_name, properties, request)

    @classmethod
    def _create(cls, logical_id: str, account_id: str, region: str, properties: dict[str, Any],
                request: dict[str, Any]) -> CognitoUserPoolClient:
        settings = {k: v for k, v in request.items() if k not in cls.CREATE_ONLY}
        with handling(logical_id, cls.TYPE):
            client = backend(account_id, region).create_user_pool_client(
                request["UserPoolId"], bool(request.get("GenerateSecret", False)), settings)
        return cls(logical_id, account_id, region, properties, request, client.id)

    @classmethod
    def update_from_cloudformation_json(  # type: ignore[misc]
        cls, original_resource: CognitoUserPoolClient, new_resource_name: str,
        cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> CognitoUserPoolClient:
        logical_id = original_resource.logical_id
        properties = cloudformation_json.get("Properties", {})
        if properties == original_resource.properties:
            return original_resource
        request = cls._request(logical_id, properties,
                               str(properties.get("ClientName", original_resource.request["ClientName"])))
        if _changed(original_resource.request, request, cls.CREATE_ONLY):
            replacement = cls._create(logical_id, account_id, region_name, properties, request)
            original_resource.delete(account_id, region_name)
            return replacement
        settings = {k: v for k, v in request.items() if k not in cls.CREATE_ONLY}
        api_request("UpdateUserPoolClient", {**settings, "UserPoolId": request["UserPoolId"],
                                             "ClientId": original_resource.client_id}, logical_id)
        cognito = backend(account_id, region_name)
        with handling(logical_id, cls.TYPE):
            client = cognito.describe_user_pool_client(request["UserPoolId"], original_resource.client_id)
            # UpdateUserPoolClient replaces the client's settings (a setting left out returns to its default);
            # moto's update merges them into the old ones, so it starts from moto's defaults.
            client.extended_config = CognitoIdpUserPoolClient(request["UserPoolId"], False, None).extended_config
            cognito.update_user_pool_client(request["UserPoolId"], original_resource.client_id, settings)
        return cls(logical_id, account_id, region_name, properties, request, original_resource.client_id)

    def delete(self, account_id: str, region_name: str) -> None:
        with handling(self.logical_id, self.TYPE):
            try:
                backend(account_id, region_name).delete_user_pool_client(self.request["UserPoolId"], self.client_id)
            except ResourceNotFoundError:
                pass  # the client, or its pool, gone already is deleted

    @classmethod
    def delete_from_cloudformation_json(  # type: ignore[misc]
        cls, resource_name: str, cloudformation_json: dict[str, Any], account_id: str, region_name: str,
    ) -> None:
        cognito = backend(account_id, region_name)
        for pool in list(cognito.user_pools.values()):  # a client id names one client in the Region
            if resource_name in pool.clients:
                cognito.delete_user_pool_client(pool.id, resource_name)

    def is_created(self) -> bool:
        return True
