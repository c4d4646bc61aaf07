#!/usr/bin/env python3
"""Regenerates the bundled catalog of bedrock-agentcore actions and ARN formats (agentcore-core; policy-lint uses it).

Inputs, all inside the repository (read-only):
  the service models     botocore's bedrock-agentcore and bedrock-agentcore-control models (service-2.json or
                         service-2.json.gz, newest API version) from the repository's .venv (make tools installs
                         botocore; --botocore-data DIR reads another botocore data directory)
  core/agentcore-core/src/catalog/
    bedrock-agentcore-iam-actions.txt        every IAM action, with its source (the Service Authorization Reference)
    operations-without-same-named-action.json
                                             operations with no action of the same name, each with the reason
    service-reference-bedrock-agentcore.json resource types, ARN formats and action -> resource types, in the shape
                                             of AWS's machine-readable service reference (--service-reference FILE
                                             takes a downloaded copy of
                                             servicereference.us-east-1.amazonaws.com/v1/bedrock-agentcore/bedrock-agentcore.json)
    identifier-shapes.json                   which model shape gives the format of each ARN variable
Output: core/agentcore-core/src/main/resources/dev/agentcore/core/iam/bedrock-agentcore-catalog.json

Fails (exit 1) when an operation of the models is neither an action nor a listed exception, or when a listed
exception is no longer needed: a refresh decides about every new operation. --check writes nothing and exits 1 when
the committed catalog differs from what the inputs generate (core's CatalogFreshnessTest runs it).

Standard library only, deterministic output (sorted), so a refresh shows up as a readable diff.
"""
import argparse
import glob
import gzip
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODULE = os.path.join(ROOT, "core", "agentcore-core")
CATALOG_SOURCES = os.path.join(MODULE, "src", "catalog")
OUT = os.path.join(MODULE, "src", "main", "resources", "dev", "agentcore", "core", "iam", "bedrock-agentcore-catalog.json")
SERVICES = ("bedrock-agentcore-control", "bedrock-agentcore")
VAR = re.compile(r"\$\{([A-Za-z0-9]+)\}")
MAKE_TOOLS = "run 'make tools' (it installs botocore into the repository's .venv)"


def fail(message):
    print(f"refresh-policy-lint-catalog: {message}", file=sys.stderr)
    sys.exit(1)


def rel(path):
    return os.path.relpath(path, ROOT)


def load_json(path):
    try:
        opener = gzip.open if path.endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        fail(f"cannot read {path}: {e}")


def venv_botocore_data():
    """botocore's data directory in the repository's .venv (whatever Python version made it)."""
    found = sorted(glob.glob(os.path.join(ROOT, ".venv", "lib", "python3*", "site-packages", "botocore", "data")))
    if not found:
        fail(f"botocore is not in {rel(os.path.join(ROOT, '.venv'))}: {MAKE_TOOLS}")
    return found[-1]


def botocore_version(data_dir):
    """The version of the botocore package that holds data_dir, from its dist-info (or 'unknown')."""
    site = os.path.dirname(os.path.dirname(data_dir))
    infos = sorted(glob.glob(os.path.join(site, "botocore-*.dist-info")))
    return os.path.basename(infos[-1])[len("botocore-"):-len(".dist-info")] if infos else "unknown"


def service_model(data_dir, service):
    """The newest API version's service-2.json(.gz) of a service, and its path relative to data_dir."""
    versions = sorted(d for d in glob.glob(os.path.join(data_dir, service, "*")) if os.path.isdir(d))
    if not versions:
        fail(f"no {service} model under {data_dir}: {MAKE_TOOLS}")
    for name in ("service-2.json", "service-2.json.gz"):
        path = os.path.join(versions[-1], name)
        if os.path.exists(path):
            return load_json(path), os.path.relpath(path, data_dir)
    fail(f"no service-2.json(.gz) in {versions[-1]}")


def read_actions(path):
    try:
        with open(path, encoding="utf-8") as f:
            lines = [line.split("#", 1)[0].strip() for line in f]
    except OSError as e:
        fail(f"cannot read {path}: {e}")
    actions = [line for line in lines if line]
    bad = [a for a in actions if not re.fullmatch(r"[A-Za-z0-9]+", a)]
    if bad:
        fail(f"{rel(path)}: not action names: {bad}")
    return set(actions)


def source_url(path):
    """The first https URL in a file's comment lines: where the action list comes from."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r"https://\S+", line) if line.lstrip().startswith("#") else None
            if m:
                return m.group(0)
    fail(f"{rel(path)} names no source URL in its comments")


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
    ap.add_argument("--botocore-data", help="botocore's data directory [default: the one in the repository's .venv]")
    ap.add_argument("--actions", default=os.path.join(CATALOG_SOURCES, "bedrock-agentcore-iam-actions.txt"))
    ap.add_argument("--exceptions", default=os.path.join(CATALOG_SOURCES, "operations-without-same-named-action.json"))
    ap.add_argument("--service-reference", default=os.path.join(CATALOG_SOURCES, "service-reference-bedrock-agentcore.json"))
    ap.add_argument("--output", default=OUT)
    ap.add_argument("--check", action="store_true", help="write nothing; exit 1 when the output is not up to date")
    args = ap.parse_args()

    data_dir = args.botocore_data or venv_botocore_data()
    actions = read_actions(args.actions)

    shapes = {}
    operations = set()
    models = {}
    for service in SERVICES:
        data, path = service_model(data_dir, service)
        models[service] = os.path.dirname(path).replace(os.sep, "/")  # service/api-version: .json or .json.gz alike
        operations.update(data["operations"])
        for name, shape in data["shapes"].items():
            shapes.setdefault(name, shape)

    exceptions = load_json(args.exceptions).get("operations", {})
    blank = sorted(op for op, why in exceptions.items() if not str(why).strip())
    if blank:
        fail(f"{rel(args.exceptions)}: say why for {blank}")
    unmatched = sorted(operations - actions - set(exceptions))
    if unmatched:
        fail(f"operations of the models with no action of the same name: {', '.join(unmatched)}. Add each to "
             f"{rel(args.actions)} (with its source) or, with the reason, to {rel(args.exceptions)}")
    stale = sorted(op for op in exceptions if op not in operations or op in actions)
    if stale:
        fail(f"{rel(args.exceptions)} lists operations that are no longer operations, or now have an action: "
             f"{', '.join(stale)}; remove them")

    reference = load_json(args.service_reference)
    id_shapes = load_json(os.path.join(CATALOG_SOURCES, "identifier-shapes.json"))
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
        if act["Name"] not in actions:
            fail(f"{rel(args.service_reference)} has action {act['Name']}, which {rel(args.actions)} lacks")
        action_resources[act["Name"]] = types

    catalog = {
        "service": "bedrock-agentcore",
        "sources": {
            "actions": f"core/agentcore-core/src/catalog/{os.path.basename(args.actions)} ({source_url(args.actions)})",
            "models": f"botocore {botocore_version(data_dir)}: " + ", ".join(models[s] for s in SERVICES),
            "resourceTypes": f"core/agentcore-core/src/catalog/{os.path.basename(args.service_reference)}",
        },
        "actions": [
            {"name": a, **({"resourceTypes": action_resources[a]} if a in action_resources else {})}
            for a in sorted(actions)
        ],
        "operationsWithoutSameNamedAction": dict(sorted(exceptions.items())),
        "resourceTypes": sorted(resource_types, key=lambda r: r["name"]),
    }
    text = json.dumps(catalog, indent=1, sort_keys=False) + "\n"
    summary = (f"{len(catalog['actions'])} actions, {len(resource_types)} ARN formats, "
               f"{len(action_resources)} actions with resource types, {len(operations)} operations "
               f"({len(exceptions)} without an action of the same name)")
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            fail(f"{rel(args.output)} is not what the current inputs generate ({summary}): "
                 f"run python3 scripts/refresh-policy-lint-catalog.py")
        print(f"{rel(args.output)} is up to date: {summary}")
        return
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, args.output)
    print(f"wrote {rel(args.output)}: {summary}")


if __name__ == "__main__":
    main()
