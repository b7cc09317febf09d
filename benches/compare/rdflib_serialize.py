"""Parse an N-Triples file with rdflib, then time `Graph.serialize` in N-Triples, RDF/XML and
JSON-LD: the rdflib side of the "model -> format" rows, as the `write` example is fihris's.
Only the serializations are timed, each the best of RUNS (default 3), into
OUT_PREFIX.{nt,rdf,jsonld} (each a new file, the one before removed first, untimed); prints
one `extension seconds` line per format.

    python rdflib_serialize.py FILE.nt OUT_PREFIX [RUNS]

Turtle is left out: rdflib's Turtle serializer takes minutes on these graphs (see the
CKAN -> Turtle row, which it dominates).
"""

import os
import sys
import time
import warnings

from rdflib import Graph

RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
FORMATS = [("nt", "nt"), ("xml", "rdf"), ("json-ld", "jsonld")]

# rdflib warns that its N-Triples serializer always writes UTF-8.
warnings.simplefilter("ignore", UserWarning)
graph = Graph().parse(sys.argv[1], format="nt")
for rdflib_format, extension in FORMATS:
    best = float("inf")
    for _ in range(RUNS):
        # A new file each time, untimed, as the `write` example: overwriting one truncates it.
        out = f"{sys.argv[2]}.{extension}"
        if os.path.exists(out):
            os.remove(out)
        start = time.perf_counter()
        graph.serialize(out, format=rdflib_format)
        best = min(best, time.perf_counter() - start)
    print(extension, f"{best:.4f}", flush=True)
