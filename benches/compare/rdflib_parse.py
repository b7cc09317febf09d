"""Parse a Turtle or N-Triples file with rdflib (`Graph().parse`): the rdflib side of
"Turtle -> parse" and "N-Triples -> parse".

    python rdflib_parse.py FILE.ttl|FILE.nt
"""

import sys

from rdflib import Graph

graph = Graph().parse(sys.argv[1], format="nt" if sys.argv[1].endswith(".nt") else "turtle")
print(len(graph), file=sys.stderr)
