"""Checks that rdflib's and fihris's Turtle describe the same datasets, reading both with rdflib.

    python check.py RDFLIB.ttl FIHRIS.ttl N

Compared: the number of dcat:Dataset subjects (both must be N) and, for each dataset, its
dct:title lexical values (language tags ignored) together with the set of dcat:accessURL IRIs of
its dcat:distribution nodes: the two sets of (titles, access URLs) pairs must be equal. Not
compared: dataset and distribution IRIs, publisher, dates, formats, licences and the typings
fihris adds for DCAT-AP validation, since the two mappings differ there by design; the graphs
are not isomorphic.
"""

import sys

from rdflib import Graph
from rdflib.namespace import DCAT, DCTERMS, RDF


def described(path):
    graph = Graph().parse(path, format="turtle")
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    pairs = set()
    for dataset in datasets:
        titles = frozenset(str(t) for t in graph.objects(dataset, DCTERMS.title))
        urls = frozenset(
            str(url)
            for distribution in graph.objects(dataset, DCAT.distribution)
            for url in graph.objects(distribution, DCAT.accessURL)
        )
        pairs.add((titles, urls))
    return len(datasets), pairs, sum(len(urls) for _, urls in pairs)


def main():
    rdflib_path, fihris_path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    r_count, r_pairs, r_urls = described(rdflib_path)
    f_count, f_pairs, f_urls = described(fihris_path)
    ok = r_count == f_count == n == len(r_pairs) == len(f_pairs) and r_pairs == f_pairs
    print(
        f"datasets {r_count} (rdflib) / {f_count} (fihris), {r_urls} / {f_urls} access URLs; "
        + ("same titles and access URLs per dataset" if ok else
           f"DIFFER: {len(r_pairs - f_pairs)} only in rdflib, {len(f_pairs - r_pairs)} only in fihris, "
           f"e.g. {sorted(map(str, r_pairs - f_pairs))[:1]} vs {sorted(map(str, f_pairs - r_pairs))[:1]}")
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
