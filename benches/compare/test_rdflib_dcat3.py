"""Keeps the side-by-side harness honest between its runs: rdflib_dcat3.py (the rdflib side)
must build the very graph `fihris convert --from ckan` writes, on the embedded sample catalogue
(real portal packages, with their findings) and on a generated one. Run by ./test after the
workspace tests built `target/debug/fihris` and the `generate` example; fails when either is
missing.

    .venv/bin/python -m pytest -q benches/compare
"""

import os
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

from check_parse import load, same_graph  # noqa: E402

FIHRIS = os.environ.get("FIHRIS_BIN", os.path.join(ROOT, "target", "debug", "fihris"))
GENERATE = os.path.join(ROOT, "target", "debug", "examples", "generate")


def generated(tmp_path):
    path = tmp_path / "generated.jsonl"
    subprocess.run([GENERATE, "300", str(path)], check=True, capture_output=True)
    return str(path)


@pytest.mark.parametrize(
    "catalogue",
    [lambda _: os.path.join(ROOT, "crates", "fihris-ckan", "data", "sample-catalogue.jsonl"), generated],
    ids=["sample", "generated"],
)
def test_rdflib_builds_fihris_graph(tmp_path, catalogue):
    source = catalogue(tmp_path)
    ours, theirs = str(tmp_path / "fihris.nt"), str(tmp_path / "rdflib.nt")
    subprocess.run(
        [FIHRIS, "convert", source, "--from", "ckan", "--to", "ntriples", "-o", ours],
        check=True, capture_output=True,
    )
    subprocess.run(
        [sys.executable, os.path.join(HERE, "rdflib_dcat3.py"), source, "nt", theirs],
        check=True, capture_output=True,
    )
    first, second = load(theirs), load(ours)
    assert len(first) > 5_000
    same, how = same_graph(first, second)
    assert same, f"rdflib_dcat3.py and fihris convert differ ({how}): run check_convert.py {theirs} {ours}"
