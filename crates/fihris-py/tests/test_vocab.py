"""fihris.vocab returns exactly what `fihris vocab --output json` prints."""

import json
import os
import subprocess

import fihris
import pytest

LISTS = ["themes", "producers", "formats", "licences", "frequencies"]


@pytest.mark.parametrize("name", LISTS)
def test_same_records_as_the_command_line(name):
    binary = os.environ["FIHRIS_BIN"]
    printed = subprocess.run(
        [binary, "vocab", name, "--output", "json"], check=True, capture_output=True
    ).stdout
    assert getattr(fihris.vocab, name)() == json.loads(printed)


def test_counts():
    assert len(fihris.vocab.producers()) == 47
    assert len(fihris.vocab.themes()) == 19


def test_unknown_vocabulary_is_a_value_error():
    with pytest.raises(ValueError, match="unknown vocabulary"):
        fihris._fihris.vocab("colours")


def test_version_matches_the_crate():
    assert fihris.__version__ == "0.1.0"
