"""Fixes to moto 5.2.5's CloudFormation that templates of this repository meet.

1. A stack made or updated by a change set shows the outputs of the template it now runs. moto builds a stack's
   outputs once, from the template the stack had when it was made; a CREATE change set makes the stack with an empty
   template, so DescribeStacks lists no outputs after ExecuteChangeSet (and the old template's after an UPDATE). The
   deploy tool works with change sets only, and reads the outputs.
2. `!GetAtt Resource.Attribute.Nested` names the attribute `Attribute.Nested`, as CloudFormation splits the short form
   at the first dot only (WorkloadIdentityDetails.WorkloadIdentityArn); moto splits at every dot and loses the rest.
3. An update that changes only a parameter updates the resources that use it in `Fn::Sub` too: moto finds a
   resource's parameters by its `Ref`s only, so a new image tag in `!Sub "${Repository}:${ImageTag}"` changed nothing.
4. A list parameter (CommaDelimitedList, List<...>) left at its Default is a list, as a value passed in is: moto splits
   passed values only, so cognito.yaml's default UserCallbackUrls reached the user pool client as one string.
5. `!Ref AWS::NoValue` as an item of a list removes the item, as CloudFormation does: moto keeps it as a null, so
   runtime.yaml's conditional model statements (`!If [CallsModel, {...}, !Ref AWS::NoValue]`) left a null statement in
   the inline policy of every runtime without a model.
6. A role's generated name is at most 64 characters, as IAM requires and CloudFormation makes it: the stack name and
   logical id are cut before the random suffix. moto joins them whole, so a runtime stack of a long prefix made role
   names of 70 characters that AgentCore (rightly) refuses.
7. A stack update that changes a role's inline policies or trust policy changes them: moto's role update sets only
   the description and session duration, so a fixed grant deployed by a stack update never reached IAM (the seed
   demo's second deploy answered 403 with the old policy).
"""

from __future__ import annotations

import json
import re
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing as cfn_parsing
from moto.cloudformation import responses as cfn_responses
from moto.cloudformation import utils as cfn_utils

import local_aws  # noqa: F401  (refuses another moto version before patching)

_PATCHED = "_local_aws_fixed"


def install() -> None:
    _refresh_outputs_after_change_sets()
    _split_short_get_att_at_the_first_dot()
    _count_sub_variables_as_references()
    _split_list_parameter_defaults()
    _drop_no_value_list_items()
    _cut_generated_role_names()
    _update_role_policies()


def _refresh_outputs_after_change_sets() -> None:
    original = cfn_models.ChangeSet.apply
    if getattr(original, _PATCHED, False):
        return

    def apply(self: Any) -> None:
        original(self)
        stack = self.stack
        stack.template = self.template
        stack._parse_template()
        stack.description = stack.template_dict.get("Description")
        stack.output_map = stack._create_output_map()

    setattr(apply, _PATCHED, True)
    cfn_models.ChangeSet.apply = apply


def _split_short_get_att_at_the_first_dot() -> None:
    original = cfn_utils.yaml_tag_constructor
    if getattr(original, _PATCHED, False):
        return

    def yaml_tag_constructor(loader: Any, tag: Any, node: Any) -> Any:
        if tag == "!GetAtt" and isinstance(node.value, str):
            return {"Fn::GetAtt": node.value.split(".", 1)}
        return original(loader, tag, node)

    setattr(yaml_tag_constructor, _PATCHED, True)
    # Each module imported the function by name: replace every binding.
    for module in (cfn_utils, cfn_models, cfn_responses):
        module.yaml_tag_constructor = yaml_tag_constructor


# ${Name} or ${Name.Attribute}; ${!Literal} is not a variable.
_SUB_VARIABLE = re.compile(r"\$\{(?!!)([^}.]+)(?:\.[^}]*)?\}")


def _count_sub_variables_as_references() -> None:
    original = cfn_parsing.get_references_from_template
    if getattr(original, _PATCHED, False):
        return

    def get_references_from_template(template: Any) -> list[str]:
        references = original(template)
        for sub in _subs(template):
            text = sub[0] if isinstance(sub, list) and sub else sub
            if isinstance(text, str):
                references.extend(name.strip() for name in _SUB_VARIABLE.findall(text))
        return references

    setattr(get_references_from_template, _PATCHED, True)
    cfn_parsing.get_references_from_template = get_references_from_template


def _subs(template: Any) -> list[Any]:
    found = []
    if isinstance(template, dict):
        for key, value in template.items():
            if key == "Fn::Sub":
                found.append(value)
            found.extend(_subs(value))
    elif isinstance(template, list):
        for item in template:
            found.extend(_subs(item))
    return found


def _split_list_parameter_defaults() -> None:
    original = cfn_parsing.ResourceMap.load_parameters
    if getattr(original, _PATCHED, False):
        return

    def load_parameters(self: Any) -> None:
        original(self)
        for name, slot in self._template.get("Parameters", {}).items():
            kind = slot.get("Type", "String")
            value = self.resolved_parameters.get(name)
            if name in self.input_parameters or not isinstance(value, str):
                continue
            if kind == "CommaDelimitedList" or kind.startswith("List<"):
                items = value.split(",")  # as moto splits a value passed in
                if kind == "List<Number>":
                    items = [_number(item) for item in items]
                self.resolved_parameters[name] = items
                self._parsed_resources[name] = items

    setattr(load_parameters, _PATCHED, True)
    cfn_parsing.ResourceMap.load_parameters = load_parameters


def _number(text: str) -> int | float:
    try:
        return int(text)
    except ValueError:
        return float(text)


def _drop_no_value_list_items() -> None:
    original = cfn_parsing.clean_json
    if getattr(original, _PATCHED, False):
        return

    def clean_json(resource_json: Any, resources_map: Any) -> Any:
        if isinstance(resource_json, list):
            # The recursion goes through the module's name, so nested lists are cleaned here too.
            return [item for item in (cfn_parsing.clean_json(value, resources_map) for value in resource_json)
                    if item is not None]
        return original(resource_json, resources_map)

    setattr(clean_json, _PATCHED, True)
    cfn_parsing.clean_json = clean_json


# IAM's limit for role (and instance profile) names.
_IAM_NAME_MAX = 64
_IAM_NAMED_TYPES = ("AWS::IAM::Role", "AWS::IAM::InstanceProfile")


def _cut_generated_role_names() -> None:
    original = cfn_parsing.generate_resource_name
    if getattr(original, _PATCHED, False):
        return

    def generate_resource_name(resource_type: str, stack_name: str, logical_id: str) -> str:
        name = original(resource_type, stack_name, logical_id)
        if resource_type not in _IAM_NAMED_TYPES or len(name) <= _IAM_NAME_MAX:
            return name
        prefix, suffix = name.rsplit("-", 1)
        return prefix[: _IAM_NAME_MAX - len(suffix) - 1].rstrip("-") + "-" + suffix

    setattr(generate_resource_name, _PATCHED, True)
    cfn_parsing.generate_resource_name = generate_resource_name


def _update_role_policies() -> None:
    from moto.iam import models as iam_models

    role_class = iam_models.Role
    original = role_class.update_from_cloudformation_json
    if getattr(original, _PATCHED, False):
        return

    def update_from_cloudformation_json(cls: Any, original_resource: Any, new_resource_name: str,
                                        cloudformation_json: dict, account_id: str, region_name: str) -> Any:
        role = original.__func__(cls, original_resource, new_resource_name, cloudformation_json, account_id,
                                 region_name)
        properties = cloudformation_json["Properties"]
        trust = properties.get("AssumeRolePolicyDocument")
        if trust is not None:
            role.assume_role_policy_document = trust if isinstance(trust, str) else json.dumps(trust)
        wanted = {p["PolicyName"]: p["PolicyDocument"] for p in properties.get("Policies", []) if p}
        for name in list(role.policies):
            if name not in wanted:
                role.delete_policy(name)
        for name, document in wanted.items():
            role.put_policy(name, document)
        return role

    setattr(update_from_cloudformation_json, _PATCHED, True)
    role_class.update_from_cloudformation_json = classmethod(update_from_cloudformation_json)
