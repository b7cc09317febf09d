"""The Python examples of the READMEs run as written."""

import pathlib
import re

import fihris
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[3]
READMES = [ROOT / "README.md", ROOT / "crates" / "fihris-py" / "README.md"]


def python_blocks(readme: pathlib.Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_examples_run(readme, tmp_path, monkeypatch):
    blocks = python_blocks(readme)
    assert blocks, f"{readme} has no Python example"
    monkeypatch.chdir(tmp_path)
    fihris.sample().write(tmp_path / "catalogue.ttl")
    for block in blocks:
        exec(compile(block, str(readme), "exec"), {})
    assert (tmp_path / "catalogue.jsonld").exists()


def test_root_example_is_five_lines():
    (block,) = [b for b in python_blocks(READMES[0]) if "fihris.read" in b]
    assert len(block.strip().splitlines()) == 5
