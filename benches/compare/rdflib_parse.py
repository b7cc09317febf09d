"""Parse a Turtle, N-Triples, RDF/XML or JSON-LD file with rdflib (`Graph().parse`): the
rdflib side of the "-> parse" rows.

    python rdflib_parse.py FILE.ttl|FILE.nt|FILE.rdf|FILE.jsonld
"""

import sys

from check_parse import load

graph = load(sys.argv[1])
print(len(graph), file=sys.stderr)
