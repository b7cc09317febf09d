"""The Python API: every function, its exceptions, and the same results as the command line."""

import datetime
import errno
import json
import os
import pathlib
import subprocess

import fihris
import pandas
import pytest

AS_OF = "2026-11-30"

TURTLE = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .

<https://data.gov.ma/d/budget> a dcat:Dataset ;
    dct:title "Budget de l'État"@fr, "ميزانية الدولة"@ar ;
    dct:issued "2024-01-15"^^<http://www.w3.org/2001/XMLSchema#date> .
"""


def cli(*args):
    """Runs the fihris binary built with the wheel and returns its JSON output."""
    done = subprocess.run(
        [os.environ["FIHRIS_BIN"], *map(str, args), "--output", "json"],
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def sample():
    return fihris.sample()


# --- read ------------------------------------------------------------------------------


def test_read_a_file_by_extension(tmp_path):
    path = tmp_path / "budget.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    for source in (path, str(path)):
        catalog = fihris.read(source)
        assert len(catalog) == 1
        (dataset,) = list(catalog)
        assert dataset["title"] == {"fr": "Budget de l'État", "ar": "ميزانية الدولة"}
        assert dataset["id"] == {"iri": "https://data.gov.ma/d/budget"}


def test_max_input_sets_the_largest_rdf_input_read(tmp_path):
    path = tmp_path / "budget.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    size = path.stat().st_size
    for source, format in ((path, None), (TURTLE.encode(), "turtle")):
        with pytest.raises(ValueError, match=f"limit of {size - 1} bytes.*max_input="):
            fihris.read(source, format, max_input=size - 1)
        assert len(fihris.read(source, format, max_input=size)) == 1


def test_read_bytes_needs_a_format():
    assert len(fihris.read(TURTLE.encode(), format="turtle")) == 1
    with pytest.raises(ValueError, match="needs a format"):
        fihris.read(TURTLE.encode())


@pytest.mark.parametrize("format", ["turtle", "ntriples", "rdfxml", "jsonld", "ckan", "csv"])
def test_every_format_writes_and_reads_back(sample, tmp_path, format):
    text = sample.to_string(format)
    assert isinstance(text, str) and text
    catalog = fihris.read(text.encode("utf-8"), format=format)
    assert len(catalog) == len(sample)
    path = tmp_path / "out.data"
    sample.write(path, format)
    assert path.read_text(encoding="utf-8") == text


def test_write_takes_the_format_from_the_extension(sample, tmp_path):
    path = tmp_path / "catalogue.jsonld"
    sample.write(path)
    assert json.loads(path.read_text(encoding="utf-8"))["@context"]
    with pytest.raises(ValueError, match="unknown extension"):
        sample.write(tmp_path / "catalogue.txt")


def test_ckan_to_turtle_and_back(sample, tmp_path):
    ckan = tmp_path / "packages.jsonl"
    sample.write(ckan, "ckan")
    from_ckan = fihris.read(ckan)
    turtle = tmp_path / "catalogue.ttl"
    from_ckan.write(turtle)
    back = fihris.read(turtle)
    assert len(back) == len(from_ckan) == 671
    titles = sorted(json.dumps(d["title"], sort_keys=True) for d in from_ckan)
    assert sorted(json.dumps(d["title"], sort_keys=True) for d in back) == titles


def test_catalog_protocols(sample):
    assert len(sample) == 671
    dicts = sample.to_dicts()
    assert isinstance(dicts, list) and len(dicts) == 671
    assert next(iter(sample)) == dicts[0]
    assert repr(sample) == (
        "<fihris.Catalog https://data.gov.ma/data/fr/: 671 datasets, 0 reading findings>"
    )
    assert sample.findings == []


def test_reading_findings_are_dicts(tmp_path):
    path = tmp_path / "inventory.csv"
    path.write_text("titre,producteur\nBudget,HCP\n,HCP\n", encoding="utf-8")
    catalog = fihris.read(path)
    findings = catalog.findings
    assert findings, "a row without title is a finding"
    for finding in findings:
        assert set(finding) == {
            "rule", "severity", "path", "dataset", "distribution", "field", "message", "hint"
        }


# --- exceptions ------------------------------------------------------------------------


def test_syntax_error_has_file_line_and_column(tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text(TURTLE + "<https://data.gov.ma/d/x> dct:issued .\n", encoding="utf-8")
    with pytest.raises(SyntaxError) as caught:
        fihris.read(path)
    error = caught.value
    assert error.filename == str(path)
    assert error.lineno == 7
    assert error.offset == 38
    assert error.msg == ". is not a valid RDF object"


def test_ckan_syntax_error_has_a_position():
    with pytest.raises(SyntaxError) as caught:
        fihris.read(b'{"name": "x",\n  "title": }', format="ckan")
    assert caught.value.filename == "<bytes>"
    assert caught.value.lineno == 2
    assert caught.value.offset is not None


def test_missing_file_is_file_not_found(tmp_path):
    path = tmp_path / "missing.ttl"
    with pytest.raises(FileNotFoundError) as caught:
        fihris.read(path)
    assert caught.value.errno == errno.ENOENT
    assert caught.value.filename == str(path)
    assert caught.value.strerror == os.strerror(errno.ENOENT)


def test_a_directory_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        fihris.read(tmp_path, format="turtle")


def test_writing_into_a_missing_directory_is_an_os_error(sample, tmp_path):
    with pytest.raises(FileNotFoundError):
        sample.write(tmp_path / "no" / "such" / "dir.ttl")


def test_bad_values_are_value_errors(sample, tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        fihris.read(TURTLE.encode(), format="yaml")
    with pytest.raises(ValueError, match="unknown extension"):
        fihris.read(tmp_path / "catalogue.txt")
    with pytest.raises(ValueError, match="unknown format"):
        sample.to_string("yaml")
    with pytest.raises(ValueError, match="unknown profile"):
        fihris.check(sample, profile="fr")
    with pytest.raises(ValueError, match="30/11/2026"):
        fihris.check(sample, as_of="30/11/2026")
    with pytest.raises(ValueError, match="not a date"):
        fihris.stats(sample, as_of="2026-02-30")


# --- check -----------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["dcat-ap", "ma"])
def test_check_equals_the_command_line(sample, profile):
    report = fihris.check(sample, profile=profile, as_of=AS_OF)
    assert report == cli("check", "--profile", profile, "--as-of", AS_OF)
    assert report["profile"] == profile
    assert report["summary"]["errors"] > 0


def test_check_of_a_file_equals_the_command_line(tmp_path):
    path = tmp_path / "budget.ttl"
    path.write_text(TURTLE, encoding="utf-8")
    report = fihris.check(fihris.read(path), "ma", datetime.date(2026, 11, 30))
    assert report == cli("check", path, "--profile", "ma", "--as-of", AS_OF)


def test_check_defaults_to_today(sample):
    assert fihris.check(sample)["as_of"] == datetime.datetime.now(datetime.timezone.utc).strftime(
        "%Y-%m-%d"
    )


# --- stats -----------------------------------------------------------------------------


def test_stats_equal_the_command_line(sample):
    figures = fihris.stats(sample, as_of=AS_OF)
    assert figures == cli("stats", "--as-of", AS_OF)
    assert figures["datasets"] == 671


def test_stats_of_a_file_equal_the_command_line(sample, tmp_path):
    path = tmp_path / "catalogue.ttl"
    sample.write(path)
    assert fihris.stats(fihris.read(path), as_of=AS_OF) == cli("stats", path, "--as-of", AS_OF)


def test_stats_tables_are_data_frames(sample):
    figures = fihris.stats(sample, as_of=AS_OF)
    scorecards = pandas.DataFrame(figures["scorecards"])
    assert len(scorecards) == figures["producers"]
    assert list(scorecards.sort_values("rank")["key"])[:1] == [figures["scorecards"][0]["key"]]
    by_producer = pandas.DataFrame(figures["by_producer"])
    assert list(by_producer.columns) == ["count", "key"]
    assert by_producer["count"].sum() <= figures["datasets"]


# --- scan ------------------------------------------------------------------------------

CINS = ["BE654321", "AB123456", "J987654", "BK112233", "X334455", "EE998877"]
PHONES = ["0612345678", "0698765432", "0661122334", "0770011223", "0522334455", "0611223344"]


@pytest.fixture()
def planted(tmp_path):
    path = tmp_path / "beneficiaires.csv"
    rows = ["nom;cin;telephone;commune;age"]
    for index, (cin, phone) in enumerate(zip(CINS, PHONES)):
        rows.append(f"Personne {index};{cin};{phone};Fès;{30 + index}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_scan_finds_planted_personal_data_and_masks_it(planted):
    report = fihris.scan_csv(planted)
    assert report["verdict"] == "do_not_publish"
    assert report["personal_data"]["shows_personal_data"] is True
    kinds = {d["rule_id"] for c in report["columns"] for d in c["detections"]}
    assert {"privacy.cin", "privacy.phone"} <= kinds
    printed = json.dumps(report, ensure_ascii=False)
    for value in CINS + PHONES:
        assert value not in printed


def test_scan_equals_the_command_line(planted):
    report = fihris.scan_csv(planted, quasi=["commune", "age"], k=3)
    assert report == cli("scan", planted, "--quasi", "commune,age", "-k", "3")
    assert report["risk"]["quasi_identifiers"] == ["commune", "age"]
    assert report["risk"]["k"] == 3


def test_scan_errors(planted, tmp_path):
    with pytest.raises(FileNotFoundError) as caught:
        fihris.scan_csv(tmp_path / "missing.csv")
    assert caught.value.errno == errno.ENOENT
    with pytest.raises(ValueError, match="no column"):
        fihris.scan_csv(planted, sensitive="salaire")
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(SyntaxError) as syntax:
        fihris.scan_csv(empty)
    assert syntax.value.lineno == 1


# --- packaging -------------------------------------------------------------------------


def test_the_extension_is_abi3():
    assert pathlib.Path(fihris._fihris.__file__).name.endswith(".abi3.so")


def test_typed_package():
    assert (pathlib.Path(fihris.__file__).parent / "py.typed").exists()
    assert (pathlib.Path(fihris.__file__).parent / "_fihris.pyi").exists()
