"""CKAN JSON lines -> DCAT-AP with rdflib, the way ckanext-dcat's euro_dcat_ap profile maps a
package, then `Graph.serialize` in one format.

    python rdflib_convert.py CATALOGUE.jsonl FORMAT OUT    (FORMAT: turtle, nt, xml, json-ld)

The mapping (ckanext-dcat 2.x, `EuropeanDCATAPProfile.graph_from_dataset`):
dataset `{site}/dataset/{id}` a dcat:Dataset with dct:identifier, dct:title, dct:description
(notes), dcat:keyword (tags), dcat:theme (groups), dct:issued / dct:modified
(metadata_created / metadata_modified as xsd:dateTime), dcat:contactPoint (vcard:Organization
with vcard:fn and vcard:hasEmail, when a maintainer is given), dct:publisher
(`{site}/organization/{name}` a foaf:Organization with foaf:name), dcat:landingPage; each
resource `{site}/dataset/{id}/resource/{rid}` a dcat:Distribution with dct:title, dcat:accessURL,
dcat:downloadURL (uploads), dct:format, dcat:mediaType, dct:license (license_url), dcat:byteSize
(xsd:decimal), dct:issued / dct:modified.
"""

import json
import sys

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
SITE = "https://data.gov.ma/data"


def date_literal(value):
    return Literal(value, datatype=XSD.dateTime) if value else None


def add_package(graph, package):
    dataset = URIRef(f"{SITE}/dataset/{package['id']}")
    g = graph.add
    g((dataset, RDF.type, DCAT.Dataset))
    g((dataset, DCTERMS.identifier, Literal(package["id"])))
    g((dataset, DCTERMS.title, Literal(package["title"])))
    if package.get("notes"):
        g((dataset, DCTERMS.description, Literal(package["notes"])))
    g((dataset, DCAT.landingPage, URIRef(f"{SITE}/dataset/{package['name']}")))
    for tag in package.get("tags", []):
        g((dataset, DCAT.keyword, Literal(tag["name"])))
    for group in package.get("groups", []):
        g((dataset, DCAT.theme, URIRef(f"{SITE}/group/{group['name']}")))
    for key, predicate in (("metadata_created", DCTERMS.issued), ("metadata_modified", DCTERMS.modified)):
        if package.get(key):
            g((dataset, predicate, date_literal(package[key])))
    if package.get("maintainer") or package.get("maintainer_email"):
        contact = BNode()
        g((dataset, DCAT.contactPoint, contact))
        g((contact, RDF.type, VCARD.Organization))
        if package.get("maintainer"):
            g((contact, VCARD.fn, Literal(package["maintainer"])))
        if package.get("maintainer_email"):
            g((contact, VCARD.hasEmail, URIRef("mailto:" + package["maintainer_email"])))
    organization = package.get("organization")
    if organization:
        publisher = URIRef(f"{SITE}/organization/{organization['name']}")
        g((dataset, DCTERMS.publisher, publisher))
        g((publisher, RDF.type, FOAF.Organization))
        g((publisher, FOAF.name, Literal(organization["title"])))
    for resource in package.get("resources", []):
        distribution = URIRef(f"{SITE}/dataset/{package['id']}/resource/{resource['id']}")
        g((dataset, DCAT.distribution, distribution))
        g((distribution, RDF.type, DCAT.Distribution))
        if resource.get("name"):
            g((distribution, DCTERMS.title, Literal(resource["name"])))
        if resource.get("url"):
            g((distribution, DCAT.accessURL, URIRef(resource["url"])))
            if resource.get("url_type") == "upload":
                g((distribution, DCAT.downloadURL, URIRef(resource["url"])))
        if resource.get("format"):
            g((distribution, DCTERMS.format, Literal(resource["format"])))
        if resource.get("mimetype"):
            g((distribution, DCAT.mediaType, Literal(resource["mimetype"])))
        if package.get("license_url"):
            g((distribution, DCTERMS.license, URIRef(package["license_url"])))
        if resource.get("size") is not None:
            g((distribution, DCAT.byteSize, Literal(float(resource["size"]), datatype=XSD.decimal)))
        for key, predicate in (("created", DCTERMS.issued), ("last_modified", DCTERMS.modified)):
            if resource.get(key):
                g((distribution, predicate, date_literal(resource[key])))


def main():
    source, fmt, out = sys.argv[1:4]
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("vcard", VCARD)
    with open(source, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                add_package(graph, json.loads(line))
    graph.serialize(destination=out, format=fmt, encoding="utf-8")
    print(len(graph), file=sys.stderr)


if __name__ == "__main__":
    main()
