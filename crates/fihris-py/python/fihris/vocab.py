"""The vocabularies embedded in fihris, as lists of dicts (the keys of `fihris vocab --output json`).

>>> import fihris
>>> sum(p["datasets_2026"] for p in fihris.vocab.producers())
663
"""

from typing import Any

from fihris import _fihris

__all__ = ["formats", "frequencies", "licences", "producers", "themes"]


def themes() -> list[dict[str, Any]]:
    """The portal's 19 themes with their EU data themes.

    >>> sante = next(t for t in themes() if t["slug"] == "sante")
    >>> sante["eu_theme_iri"]
    'http://publications.europa.eu/resource/authority/data-theme/HEAL'
    """
    return _fihris.vocab("themes")


def producers() -> list[dict[str, Any]]:
    """The portal's 47 producers.

    >>> hcp = next(p for p in producers() if p["code"] == "HCP")
    >>> hcp["ckan_slug"], hcp["kind"]
    ('haut-commissariat-au-plan', 'statistics-office')
    """
    return _fihris.vocab("producers")


def formats() -> list[dict[str, Any]]:
    """EU file types with their openness flags and 5-star level.

    >>> xlsx = next(f for f in formats() if f["code"] == "XLSX")
    >>> xlsx["non_proprietary"], xlsx["machine_readable"], xlsx["stars"]
    (False, True, 2)
    """
    return _fihris.vocab("formats")


def licences() -> list[dict[str, Any]]:
    """Licences with their Open Definition conformance and duties.

    >>> [l["ckan_id"] for l in licences() if l["share_alike"]]
    ['ma-odbl', 'odc-odbl', 'cc-by-sa']
    """
    return _fihris.vocab("licences")


def frequencies() -> list[dict[str, Any]]:
    """EU update frequencies with their expected days between updates.

    >>> next(f for f in frequencies() if f["code"] == "QUARTERLY")["typical_days"]
    92
    """
    return _fihris.vocab("frequencies")
