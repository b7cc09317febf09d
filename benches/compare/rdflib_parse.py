"""Parse a Turtle, N-Triples, RDF/XML or JSON-LD file with rdflib (`Graph().parse`): the
rdflib side of the "-> parse" rows.

    python rdflib_parse.py FILE.ttl|FILE.nt|FILE.rdf|FILE.jsonld
"""

import sys

from rdflib import Graph

FORMATS = {"ttl": "turtle", "nt": "nt", "rdf": "xml", "jsonld": "json-ld"}

path = sys.argv[1]
graph = Graph().parse(path, format=FORMATS[path.rsplit(".", 1)[-1]])
print(len(graph), file=sys.stderr)
