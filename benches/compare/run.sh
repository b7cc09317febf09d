#!/usr/bin/env bash
# Side by side with rdflib: CKAN JSON lines -> DCAT-AP Turtle, N-Triples, RDF/XML, JSON-LD, each
# format -> parse, and model -> N-Triples, RDF/XML, JSON-LD, on generated catalogues of N
# datasets (default 10000 100000), every output checked isomorphic to rdflib's.
#
#   benches/compare/run.sh [N...]
#   COMPARE_ROWS=parse,write COMPARE_CHECK_UP_TO=10000 benches/compare/run.sh 100000
#
# COMPARE_ROWS picks the kinds of rows (convert, parse, write; default all) and
# COMPARE_CHECK_UP_TO the largest catalogue whose outputs are checked (default: all); see
# compare.py.
# Installs rdflib 7.6.0 in target/compare-venv, builds fihris and the generator in release,
# writes its files to target/compare/ and prints a Markdown table (see compare.py).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
venv=target/compare-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check rdflib==7.6.0
cargo build --quiet --release -p fihris-cli
cargo build --quiet --release -p fihris-benches --example generate --example read --example write
if [ $# -eq 0 ]; then set -- 10000 100000; fi
"$venv/bin/python" benches/compare/compare.py \
    target/release/fihris target/release/examples/generate target/release/examples/read target/release/examples/write \
    target/compare "$@"
