#!/usr/bin/env python3
"""Regenerates policy-lint's bundled catalog of bedrock-agentcore actions and ARN formats.

Inputs (all read-only):
  --models DIR   the AWS model snapshot: bedrock-agentcore-iam-actions.txt (every IAM action), the two botocore
                 service models (operations, identifier shapes) [required]
  --service-reference FILE
                 resource types, ARN formats and action -> resource types in the shape of AWS's machine-readable
                 service reference (servicereference.us-east-1.amazonaws.com/v1/bedrock-agentcore/bedrock-agentcore.json)
                 [default: the transcribed copy core/agentcore-core/src/catalog/service-reference-bedrock-agentcore.json]
Output: core/agentcore-core/src/main/resources/dev/agentcore/core/iam/bedrock-agentcore-catalog.json

Standard library only, deterministic output (sorted), so a refresh shows up as a readable diff.
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULE = os.path.join(ROOT, "core", "agentcore-core")
OUT = os.path.join(MODULE, "src", "main", "resources", "dev", "agentcore", "core", "iam", "bedrock-agentcore-catalog.json")
VAR = re.compile(r"\$\{([A-Za-z0-9]+)\}")


def fail(message):
    print(f"refresh-policy-lint-catalog: {message}", file=sys.stderr)
    sys.exit(1)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read {path}: {e}")


def automaton_regex(pattern, lo, hi):
    """A Java-regex shape pattern rewritten for dk.brics.automaton syntax (no anchors, \\d, \\w, bare '-' in classes)."""
    p = pattern.strip()
    if p.startswith("^"):
        p = p[1:]
    if p.endswith("$"):
        p = p[:-1]
    p = p.replace("\\d", "[0-9]").replace("\\w", "[a-zA-Z0-9_]")
    p = re.sub(r"(?<!\\)-\]", r"\\-]", p)
    # A single character class with '+' plus min/max lengths becomes a bounded repeat.
    m = re.fullmatch(r"(\[[^\]]+\])\+", p)
    if m and (lo is not None or hi is not None):
        p = f"{m.group(1)}{{{lo or 1},{hi or ''}}}"
    return p


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--models", required=True)
    ap.add_argument("--service-reference",
                    default=os.path.join(MODULE, "src", "catalog", "service-reference-bedrock-agentcore.json"))
    ap.add_argument("--output", default=OUT)
    args = ap.parse_args()

    actions_file = os.path.join(args.models, "bedrock-agentcore-iam-actions.txt")
    try:
        with open(actions_file, encoding="utf-8") as f:
            actions = {line.strip().split(":", 1)[1] for line in f if line.strip()}
    except (OSError, IndexError) as e:
        fail(f"cannot read {actions_file}: {e}")

    shapes = {}
    operations = set()
    for model in ("bedrock-agentcore-control.service-2.json", "bedrock-agentcore.service-2.json"):
        data = load_json(os.path.join(args.models, model))
        operations.update(data["operations"])
        for name, shape in data["shapes"].items():
            shapes.setdefault(name, shape)
    missing = sorted(operations - actions)
    if missing:
        print(f"note: operations without an IAM action of the same name: {', '.join(missing)}", file=sys.stderr)

    reference = load_json(args.service_reference)
    id_shapes = load_json(os.path.join(MODULE, "src", "catalog", "identifier-shapes.json"))
    resource_types = []
    for res in reference["Resources"]:
        name = res["Name"]
        for fmt in res["ARNFormats"]:
            ids = {}
            for var in VAR.findall(fmt):
                if var in ("Partition", "Region", "Account"):
                    continue
                shape_name = id_shapes.get(name, {}).get(var)
                if shape_name:
                    shape = shapes.get(shape_name)
                    if not shape or "pattern" not in shape:
                        fail(f"{name}: shape {shape_name} for ${{{var}}} has no pattern in the models")
                    ids[var] = automaton_regex(shape["pattern"], shape.get("min"), shape.get("max"))
            resource_types.append({"name": name, "arnFormat": fmt, "identifiers": dict(sorted(ids.items()))})

    known_types = {r["name"] for r in resource_types}
    action_resources = {}
    for act in reference.get("Actions", []):
        types = sorted({r["Name"] for r in act.get("Resources", [])})
        unknown = [t for t in types if t not in known_types]
        if unknown:
            fail(f"action {act['Name']} names unknown resource types {unknown}")
        action_resources[act["Name"]] = types
        actions.add(act["Name"])

    catalog = {
        "service": "bedrock-agentcore",
        "sources": {
            "actions": "aws-models/bedrock-agentcore-iam-actions.txt",
            "identifiers": "aws-models/bedrock-agentcore-control.service-2.json, bedrock-agentcore.service-2.json",
            "resourceTypes": os.path.basename(args.service_reference),
        },
        "actions": [
            {"name": a, **({"resourceTypes": action_resources[a]} if a in action_resources else {})}
            for a in sorted(actions)
        ],
        "resourceTypes": sorted(resource_types, key=lambda r: r["name"]),
    }
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(catalog, f, indent=1, sort_keys=False)
        f.write("\n")
    os.replace(tmp, args.output)
    print(f"wrote {os.path.relpath(args.output, ROOT)}: {len(catalog['actions'])} actions, "
          f"{len(resource_types)} ARN formats, {len(action_resources)} actions with resource types")


if __name__ == "__main__":
    main()
