"""fihris: open-government-data catalogues from Python.

Read, write, check and measure catalogues (DCAT-AP 3 RDF and JSON-LD, CKAN API JSON, the
national CSV inventory). Results are plain dicts and lists, ready for pandas: each is what
the matching `fihris` command prints with `--output json`.

>>> import fihris
>>> [theme["eu_theme"] for theme in fihris.vocab.themes()][:3]
['AGRI', 'ECON', 'REGI']
>>> catalog = fihris.sample()
>>> len(catalog)
671
>>> fihris.stats(catalog, as_of="2026-11-30")["datasets"]
671
"""

import datetime
import os
from typing import Any, Literal

from fihris import _fihris, vocab
from fihris._fihris import Catalog, __version__

__all__ = [
    "Catalog",
    "__version__",
    "check",
    "read",
    "sample",
    "scan_csv",
    "stats",
    "vocab",
]


def _day(as_of: "str | datetime.date | None") -> str | None:
    if isinstance(as_of, datetime.date):
        return as_of.strftime("%Y-%m-%d")
    return as_of


def read(
    source: "str | os.PathLike[str] | bytes",
    format: Literal["turtle", "ntriples", "rdfxml", "jsonld", "ckan", "csv"] | None = None,
    *,
    repair: bool = True,
    exact: bool = False,
    max_input: int | None = None,
) -> Catalog:
    """Reads a catalogue from a file or from bytes, as the `fihris` command line does.

    `format` is one of turtle, ntriples, rdfxml, jsonld, ckan, csv; for a file it defaults
    to the one its extension names (`.ttl`, `.nt`, `.rdf`, `.jsonld`, `.json`/`.jsonl`,
    `.csv`); bytes need it. `repair` interprets non-canonical values with a finding each
    (as `check`, `stats` and `report` read); `repair=False` keeps them verbatim (as
    `fihris convert` without `--repair`). `exact` reads the RDF graph as it is, without
    recognising implied typings. `max_input` is the largest RDF input read, in bytes
    (default 256 MiB, as the command line's `--max-input`).

    Raises `SyntaxError` (with `filename`, `lineno`, `offset`) for a document that is not
    well-formed, `OSError` (`FileNotFoundError`…) when the file cannot be read and
    `ValueError` for an unknown format or an RDF input over `max_input`.

    >>> import fihris
    >>> turtle = b'''
    ... @prefix dcat: <http://www.w3.org/ns/dcat#> .
    ... @prefix dct: <http://purl.org/dc/terms/> .
    ... <https://data.gov.ma/d/budget> a dcat:Dataset ; dct:title "Budget"@fr .
    ... '''
    >>> catalog = fihris.read(turtle, format="turtle")
    >>> [dataset["title"] for dataset in catalog]
    [{'fr': 'Budget'}]
    >>> try:
    ...     fihris.read(turtle + b"<https://data.gov.ma/d/x> dct:issued .", format="turtle")
    ... except SyntaxError as error:
    ...     print(error.filename, error.lineno, error.offset, error.msg)
    <bytes> 5 38 . is not a valid RDF object
    """
    return _fihris.read(source, format, repair=repair, exact=exact, max_input=max_input)


def sample() -> Catalog:
    """The embedded sample catalogue of Morocco's portal (671 datasets, read from CKAN).

    >>> import fihris
    >>> catalog = fihris.sample()
    >>> next(iter(catalog))["portal_themes"]
    ['https://w3id.org/fihris/ma/theme/habitat']
    """
    return _fihris.sample()


def check(
    catalog: Catalog,
    profile: Literal["dcat-ap", "ma"] = "dcat-ap",
    as_of: "str | datetime.date | None" = None,
) -> dict[str, Any]:
    """Checks a catalogue: the report `fihris check --profile PROFILE --output json` prints.

    `profile` is `dcat-ap` (DCAT-AP 3.0.1 and the open-data rules) or `ma` (plus the
    national profile); `as_of` (`YYYY-MM-DD` or a date, default today) is the reference day
    of the freshness rules. Raises `ValueError` for another profile or a bad date.

    >>> import fihris
    >>> report = fihris.check(fihris.sample(), profile="ma", as_of="2026-11-30")
    >>> report["profile"], report["quality"]["mqa_max"]
    ('ma', 405)
    >>> sorted(report["findings"][0])
    ['dataset', 'distribution', 'field', 'hint', 'message', 'path', 'rule', 'severity']
    """
    return _fihris.check(catalog, profile, _day(as_of))


def scan_csv(
    path: "str | os.PathLike[str]",
    quasi: list[str] | None = None,
    sensitive: str | None = None,
    k: int = 5,
    *,
    l: int = 2,  # noqa: E741 (the l of l-diversity)
    min_count: int = 3,
) -> dict[str, Any]:
    """Scans a CSV resource for personal data and re-identification risk: the report
    `fihris scan --output json` prints. Personal values appear only masked.

    `quasi` lists the quasi-identifier columns (default: suggested from the headers),
    `sensitive` the column whose l-diversity is measured, `k` the k of k-anonymity, `l` the
    l of l-diversity, `min_count` the small-cell threshold of aggregate tables. Raises
    `OSError` when the file cannot be read, `SyntaxError` when it has no header row and
    `ValueError` for a column the file does not have.

    >>> import fihris, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "people.csv"
    >>> _ = path.write_text("nom,telephone\\nAmal,0612345678\\nDriss,0698765432\\n")
    >>> report = fihris.scan_csv(path)
    >>> report["verdict"], report["personal_data"]["shows_personal_data"]
    ('do_not_publish', True)
    >>> "0612345678" in str(report)
    False
    """
    return _fihris.scan_csv(path, quasi, sensitive, k, l=l, min_count=min_count)


def stats(catalog: Catalog, as_of: "str | datetime.date | None" = None) -> dict[str, Any]:
    """Inventory statistics and producer scorecards: what `fihris stats --output json`
    prints. `as_of` (`YYYY-MM-DD` or a date, default today) is the reference day of
    freshness; a bad date raises `ValueError`.

    >>> import datetime, fihris
    >>> figures = fihris.stats(fihris.sample(), as_of=datetime.date(2026, 11, 30))
    >>> figures["by_producer"][0]
    {'count': 85, 'key': 'MJ'}
    >>> figures["scorecards"][0]["rank"]
    1
    """
    return _fihris.stats(catalog, _day(as_of))
