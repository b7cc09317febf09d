"""Checks that reading a file into the fihris model loses nothing: rdflib's graph of the file
and rdflib's graph of the model written back (the `read` example's second argument) must be
isomorphic.

    python check_parse.py PARSED.ttl|.nt|.rdf|.jsonld WRITTEN.nt

rdflib renames blank nodes when it parses, and `rdflib.compare.isomorphic` takes hours on
graphs of this size. So blank nodes are told apart by colour refinement (each round hashes a
node's colour with those of its neighbours, in and out); when every blank node of each graph
has its own colour and the colours are the same on both sides, they define a bijection, and
the graphs are isomorphic exactly when it maps one set of triples onto the other. Otherwise
`isomorphic` decides.
"""

import hashlib
import sys
from collections import defaultdict

from rdflib import BNode, Graph
from rdflib.compare import isomorphic

ROUNDS = 4


def colours(graph):
    """Blank node -> colour after ROUNDS rounds of refinement."""
    outgoing, incoming = defaultdict(list), defaultdict(list)
    for s, p, o in graph:
        if isinstance(s, BNode):
            outgoing[s].append((p, o))
        if isinstance(o, BNode):
            incoming[o].append((s, p))
    colour = {node: "" for node in set(outgoing) | set(incoming)}

    def term(node):
        return "_:" + colour[node] if isinstance(node, BNode) else node.n3()

    for _ in range(ROUNDS):
        colour = {
            node: hashlib.sha1(
                repr(
                    (
                        colour[node],
                        sorted((p.n3(), term(o)) for p, o in outgoing[node]),
                        sorted((term(s), p.n3()) for s, p in incoming[node]),
                    )
                ).encode()
            ).hexdigest()
            for node in colour
        }
    return colour


def same_graph(first, second):
    first_colours, second_colours = colours(first), colours(second)
    distinct = set(first_colours.values())
    if (
        len(distinct) == len(first_colours)
        and len(set(second_colours.values())) == len(second_colours)
        and distinct == set(second_colours.values())
    ):
        by_colour = {colour: node for node, colour in second_colours.items()}
        mapping = {node: by_colour[colour] for node, colour in first_colours.items()}
        mapped = {(mapping.get(s, s), p, mapping.get(o, o)) for s, p, o in first}
        return mapped == set(second), "blank nodes matched by colour"
    return isomorphic(first, second), "rdflib.compare.isomorphic"


FORMATS = {"nt": "nt", "ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}


def load(path):
    """rdflib's graph of a file, its format told by the extension."""
    return Graph().parse(path, format=FORMATS[path.rsplit(".", 1)[-1]])


def main():
    parsed, written = sys.argv[1], sys.argv[2]
    original = load(parsed)
    back = load(written)
    same, how = same_graph(original, back)
    blanks = len(colours(original))
    print(
        f"{len(original)} triples and {blanks} blank nodes read, {len(back)} triples written back: "
        + ("isomorphic" if same else "NOT isomorphic")
        + f" ({how})"
    )
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
