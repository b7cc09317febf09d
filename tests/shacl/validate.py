"""Validate RDF files against the official DCAT-AP 3.0.1 SHACL shapes with pyshacl.

One process validates several files: the shapes and the background vocabularies are parsed
once. Prints one JSON object per input file, one per line, in the order given:

    {"file": "...", "conforms": true|false, "results": [
        {"focus": "<iri>" | "_:label", "path": "<iri>" | null, "shape": "<iri>" | "_:label",
         "severity": "Violation" | "Warning" | "Info", "message": "...", "value": "..." | null,
         "component": "<sh:sourceConstraintComponent iri>"}]}

Usage: validate.py [--shapes core|full] [--no-vocabularies] [--format FMT] [--base IRI] FILE...

  --shapes core     dcat-ap-SHACL.ttl only (what fihris-rules implements)
  --shapes full     dcat-ap-SHACL.ttl + ranges.ttl (default)
  --no-vocabularies do not load the EU authority tables as background graph
  --format FMT      rdflib format of every FILE (default: from the extension)
  --base IRI        base IRI of relative IRIs (default: the file's location)

Paths to the corpus are relative to this file: ../../../shared/conformance.
"""

import argparse
import json
import sys
from pathlib import Path

from pyshacl import validate
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

SH = Namespace("http://www.w3.org/ns/shacl#")
CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance"
SHAPES = CONFORMANCE / "SEMICeu-DCAT-AP" / "releases" / "3.0.1" / "shacl"
VOCABULARIES = CONFORMANCE / "ioggstream-dati-eu-authority-tables" / "assets" / "vocabularies"
FORMATS = {
    ".ttl": "turtle",
    ".nt": "nt",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}


def term(node):
    if node is None:
        return None
    if isinstance(node, URIRef):
        return str(node)
    if isinstance(node, BNode):
        return "_:" + str(node)
    if isinstance(node, Literal):
        return str(node)
    return str(node)


def results(report):
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        out.append(
            {
                "focus": term(report.value(result, SH.focusNode)),
                "path": term(report.value(result, SH.resultPath)),
                "shape": term(report.value(result, SH.sourceShape)),
                "severity": str(severity).rsplit("#", 1)[-1] if severity else None,
                "message": term(report.value(result, SH.resultMessage)),
                "value": term(report.value(result, SH.value)),
                "component": term(report.value(result, SH.sourceConstraintComponent)),
            }
        )
    out.sort(key=lambda r: (r["focus"] or "", r["path"] or "", r["shape"] or ""))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", choices=["core", "full"], default="full")
    parser.add_argument("--no-vocabularies", action="store_true")
    parser.add_argument("--format")
    parser.add_argument("--base", help="base IRI of relative IRIs in the files")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    if not SHAPES.is_dir():
        sys.exit(f"error: the DCAT-AP shapes are missing: {SHAPES}")
    shapes = Graph()
    shapes.parse(SHAPES / "dcat-ap-SHACL.ttl", format="turtle")
    if args.shapes == "full":
        shapes.parse(SHAPES / "ranges.ttl", format="turtle")
    # dcat-ap-SHACL.ttl lists a few property shapes it never defines (no sh:path), which
    # pyshacl refuses: drop those references, there is nothing to check for them.
    for node_shape, _, property_shape in list(shapes.triples((None, SH.property, None))):
        if shapes.value(property_shape, SH.path) is None:
            shapes.remove((node_shape, SH.property, property_shape))

    background = None
    if not args.no_vocabularies:
        if not VOCABULARIES.is_dir():
            sys.exit(f"error: the EU vocabularies are missing: {VOCABULARIES}")
        background = Graph()
        for path in sorted(VOCABULARIES.glob("*/*/*.ttl")):
            background.parse(path, format="turtle")

    for file in args.files:
        fmt = args.format or FORMATS.get(Path(file).suffix.lower(), "turtle")
        entry = {"file": file}
        try:
            data = Graph()
            data.parse(file, format=fmt, publicID=args.base)
        except Exception as error:  # noqa: BLE001 - reported per file, the others still run
            entry["error"] = f"{type(error).__name__}: {error}"
            print(json.dumps(entry, ensure_ascii=False), flush=True)
            continue
        conforms, report, _ = validate(
            data,
            shacl_graph=shapes,
            ont_graph=background,
            inference="none",
            abort_on_first=False,
            allow_infos=True,
            allow_warnings=True,
            meta_shacl=False,
            advanced=False,
            debug=False,
        )
        entry["conforms"] = bool(conforms)
        entry["results"] = results(report)
        print(json.dumps(entry, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
