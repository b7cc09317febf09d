"""Runs every docstring example of the fihris package as a test."""

import doctest

import fihris
import fihris._fihris
import fihris.vocab
import pytest


@pytest.mark.parametrize(
    "module", [fihris, fihris.vocab, fihris._fihris], ids=lambda m: m.__name__
)
def test_docstring_examples(module):
    result = doctest.testmod(module, verbose=False, raise_on_error=False)
    assert result.attempted > 0, f"{module.__name__} has no example"
    assert result.failed == 0
