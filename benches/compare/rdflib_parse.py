"""Parse a Turtle file with rdflib (`Graph().parse`): the rdflib side of "Turtle -> parse".

    python rdflib_parse.py FILE.ttl
"""

import sys

from rdflib import Graph

graph = Graph().parse(sys.argv[1], format="turtle")
print(len(graph), file=sys.stderr)
