#!/usr/bin/env python3
"""Enforces the dependency direction of the workspace (DESIGN.md, "Layout and dependency
direction"): which fihris crates each crate may depend on, that fihris-vocab has no
dependencies at all, and that no crate but fihris-harvest (and the crates that compose
everything) pulls in an HTTP client."""

import json
import subprocess
import sys

LIBRARIES = {"fihris-vocab", "fihris-model", "fihris-dcat", "fihris-ckan", "fihris-csv",
             "fihris-rules", "fihris-privacy", "fihris-stats", "fihris-harvest"}
ALLOWED = {
    "fihris-vocab": set(),
    "fihris-model": {"fihris-vocab"},
    "fihris-dcat": {"fihris-vocab", "fihris-model"},
    "fihris-ckan": {"fihris-vocab", "fihris-model"},
    "fihris-csv": {"fihris-vocab", "fihris-model"},
    "fihris-rules": {"fihris-vocab", "fihris-model"},
    "fihris-privacy": {"fihris-vocab", "fihris-model"},
    "fihris-stats": {"fihris-vocab", "fihris-model", "fihris-rules"},
    "fihris-harvest": {"fihris-vocab", "fihris-model", "fihris-dcat", "fihris-ckan", "fihris-rules"},
}
# Crates that compose everything.
COMPOSERS = {"fihris-cli", "fihris-py", "fihris-conformance", "fihris-benches"}
NETWORK = {"ureq", "reqwest", "hyper", "curl", "isahc", "attohttpc", "surf", "http-req"}


def main() -> int:
    metadata = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1", "--all-features"]))
    members = set(metadata["workspace_members"])
    packages = {p["id"]: p for p in metadata["packages"]}
    nodes = {n["id"]: n for n in metadata["resolve"]["nodes"]}
    errors = []
    for member_id in sorted(members):
        package = packages[member_id]
        name = package["name"]
        if name not in LIBRARIES and name not in COMPOSERS:
            errors.append(f"{name}: not placed in the dependency direction of DESIGN.md")
            continue
        normal = [d for d in package["dependencies"] if d["kind"] is None]
        internal = {d["name"] for d in normal if d["name"].startswith("fihris-")}
        if name in ALLOWED:
            for dependency in sorted(internal - ALLOWED[name]):
                errors.append(f"{name} must not depend on {dependency}")
        if name == "fihris-vocab" and normal:
            errors.append("fihris-vocab is std only, it depends on "
                          + ", ".join(sorted(d["name"] for d in normal)))
        if name in LIBRARIES and name != "fihris-harvest":
            # Transitive: no HTTP client anywhere below an offline library.
            seen, stack = set(), [member_id]
            while stack:
                node = nodes[stack.pop()]
                for dep in node["deps"]:
                    if any(k["kind"] is None for k in dep["dep_kinds"]) and dep["pkg"] not in seen:
                        seen.add(dep["pkg"])
                        stack.append(dep["pkg"])
            for dep_id in seen:
                if packages[dep_id]["name"] in NETWORK:
                    errors.append(f"{name} reaches the network crate {packages[dep_id]['name']}")
    for error in errors:
        print(f"dependency direction: {error}", file=sys.stderr)
    if not errors:
        print(f"dependency direction: {len(members)} workspace members checked, all as DESIGN.md lays out")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
