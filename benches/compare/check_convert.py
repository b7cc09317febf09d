"""Checks that two conversions of one CKAN catalogue are the same graph: rdflib_dcat3.py's
and `fihris convert --from ckan`'s (N-Triples, Turtle, RDF/XML or JSON-LD, told by the
extension: .nt, .ttl, .rdf, .jsonld).

    python check_convert.py RDFLIB.nt|.ttl|.rdf|.jsonld FIHRIS.nt|.ttl|.rdf|.jsonld

Isomorphism is decided as in check_parse.py (`same_graph`: blank nodes matched by colour
refinement, else `rdflib.compare.isomorphic`). When the graphs differ, the triples found on
one side only are listed by predicate (blank nodes shown by their colour, so that the
blank-node triples of both sides compare too), with a few examples each, to say which part
of the mapping disagrees. Exits 0 when the graphs are isomorphic, 1 otherwise.
"""

import sys
from collections import Counter, defaultdict

from rdflib import BNode

from check_parse import colours, load, same_graph

EXAMPLES = 3


def by_colour(graph):
    """The triples with each blank node replaced by `_:<colour>`."""
    colour = colours(graph)

    def term(node):
        return "_:" + colour[node][:12] if isinstance(node, BNode) else node.n3()

    return Counter((term(s), p.n3(), term(o)) for s, p, o in graph)


def main():
    first_path, second_path = sys.argv[1], sys.argv[2]
    first, second = load(first_path), load(second_path)
    same, how = same_graph(first, second)
    print(
        f"{len(first)} triples in {first_path}, {len(second)} in {second_path}: "
        + ("isomorphic" if same else "NOT isomorphic")
        + f" ({how})"
    )
    if same:
        return 0
    first_triples, second_triples = by_colour(first), by_colour(second)
    for label, only in (
        (f"only in {first_path}", first_triples - second_triples),
        (f"only in {second_path}", second_triples - first_triples),
    ):
        per_predicate = defaultdict(list)
        for triple in only.elements():
            per_predicate[triple[1]].append(triple)
        print(f"{sum(only.values())} triples {label}")
        for predicate, triples in sorted(per_predicate.items(), key=lambda item: -len(item[1])):
            print(f"  {len(triples):7d} {predicate}")
            for triple in sorted(triples)[:EXAMPLES]:
                print("          " + " ".join(triple))
    return 1


if __name__ == "__main__":
    sys.exit(main())
