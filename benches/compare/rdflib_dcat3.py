"""CKAN JSON lines -> DCAT-AP 3 with rdflib, the way `fihris convert --from ckan` maps a
package, then `Graph.serialize` in one format.

    python rdflib_dcat3.py CATALOGUE.jsonl FORMAT OUT    (FORMAT: turtle, nt, xml, json-ld)

The side-by-side harness (compare.py) times rdflib against fihris on the same conversion.
ckanext-dcat's profiles map CKAN to DCAT-AP 2, a different graph; this script is an independent
Python port of fihris's own mapping, in plain Python and rdflib, so that both sides build the
same graph (isomorphic, blank node labels aside):

- reading CKAN into the model: crates/fihris-ckan/src/read.rs (JSON lines, one package per
  line, broken lines skipped), json.rs (last of duplicate keys wins, numbers kept as written)
  and mapping.rs (the package and resource rules, frequency inferred from French titles,
  publication status), with the reader `fihris convert` uses (texts tagged `fr`, or `ar`
  when written in Arabic script; base IRI https://data.gov.ma/data/fr/);
- the vocabulary tables: crates/fihris-vocab/src/*.rs (file types and media types, licences,
  frequencies and French frequency words, EU and portal themes, producers and their w3id
  IRIs, namespaces) and crates/fihris-model/src/inventory.rs (publication statuses). The Rust
  embeds these tables (it reads no referential file at run time), so they are copied here;
- writing DCAT-AP 3: crates/fihris-dcat/src/emit.rs and writer.rs with the implied triples
  on (`fihris convert` without `--exact`): vocabulary typings, `foaf:Agent` on
  organisations, `foaf:Document` on pages, the EU themes used and the portal theme scheme.

Only what a CKAN package can fill in the model is ported (no spatial or temporal coverage,
no checksums, no series or services: the CKAN reader never makes them). Blank nodes get the
labels fihris mints (FNV-1a of subject, property and position), so that two packages with
the same IRI share their contact point as in fihris. The script prints the number of reading
findings (repairs, unknown formats…) and, last on standard error, the number of triples of
the graph (compare.py reads that last number). Not ported: the exact text of findings, and
the CKAN reader's handling of inputs that are neither JSON lines nor one JSON document.
"""

import json
import re
import sys
from datetime import date

from rdflib import BNode, Graph, Literal, URIRef

# ---------------------------------------------------------------------------------------
# Namespaces (fihris-vocab ns.rs): only the terms the CKAN mapping uses.

DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
FIHRIS = "https://w3id.org/fihris/ns#"

# The prefixes fihris's Turtle and RDF/XML writers declare (ns::ALL), same order.
PREFIXES = [
    ("dcat", DCAT), ("dct", DCT), ("dcatap", "http://data.europa.eu/r5r/"), ("foaf", FOAF),
    ("vcard", VCARD), ("adms", "http://www.w3.org/ns/adms#"), ("skos", SKOS),
    ("spdx", "http://spdx.org/rdf/terms#"), ("prov", "http://www.w3.org/ns/prov#"),
    ("odrl", "http://www.w3.org/ns/odrl/2/"), ("eli", "http://data.europa.eu/eli/ontology#"),
    ("locn", "http://www.w3.org/ns/locn#"), ("dqv", "http://www.w3.org/ns/dqv#"),
    ("dpv", "https://w3id.org/dpv#"), ("xsd", XSD), ("rdf", RDF), ("rdfs", RDFS),
]

# Terms as rdflib nodes, made once (a graph of 10 000 datasets adds half a million triples).
T = {
    name: URIRef(iri)
    for name, iri in {
        "type": RDF + "type",
        "Catalog": DCAT + "Catalog",
        "Dataset": DCAT + "Dataset",
        "Distribution": DCAT + "Distribution",
        "dataset": DCAT + "dataset",
        "distribution": DCAT + "distribution",
        "accessURL": DCAT + "accessURL",
        "downloadURL": DCAT + "downloadURL",
        "mediaType": DCAT + "mediaType",
        "byteSize": DCAT + "byteSize",
        "keyword": DCAT + "keyword",
        "theme": DCAT + "theme",
        "contactPoint": DCAT + "contactPoint",
        "landingPage": DCAT + "landingPage",
        "version": DCAT + "version",
        "title": DCT + "title",
        "description": DCT + "description",
        "format": DCT + "format",
        "license": DCT + "license",
        "issued": DCT + "issued",
        "modified": DCT + "modified",
        "publisher": DCT + "publisher",
        "creator": DCT + "creator",
        "identifier": DCT + "identifier",
        "accrualPeriodicity": DCT + "accrualPeriodicity",
        "Frequency": DCT + "Frequency",
        "MediaType": DCT + "MediaType",
        "MediaTypeOrExtent": DCT + "MediaTypeOrExtent",
        "LicenseDocument": DCT + "LicenseDocument",
        "Organization": FOAF + "Organization",
        "Person": FOAF + "Person",
        "Agent": FOAF + "Agent",
        "Document": FOAF + "Document",
        "name": FOAF + "name",
        "mbox": FOAF + "mbox",
        "Kind": VCARD + "Kind",
        "fn": VCARD + "fn",
        "hasEmail": VCARD + "hasEmail",
        "label": RDFS + "label",
        "Concept": SKOS + "Concept",
        "ConceptScheme": SKOS + "ConceptScheme",
        "prefLabel": SKOS + "prefLabel",
        "inScheme": SKOS + "inScheme",
        "notation": SKOS + "notation",
        "exactMatch": SKOS + "exactMatch",
        "closeMatch": SKOS + "closeMatch",
        "frequencyInferred": FIHRIS + "frequencyInferred",
        "publicationStatus": FIHRIS + "publicationStatus",
    }.items()
}

# ---------------------------------------------------------------------------------------
# Text comparison keys (fihris-vocab text.rs): lenient look-ups fold case and accents.

_FOLD = {
    **{c: "a" for c in "àáâãäå"}, "ç": "c", **{c: "e" for c in "èéêë"},
    **{c: "i" for c in "ìíîï"}, "ñ": "n", **{c: "o" for c in "òóôõö"},
    **{c: "u" for c in "ùúûü"}, "ý": "y", "ÿ": "y", "œ": "oe", "æ": "ae",
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl",
    # Arabic: alef variants, alef maqsura, teh marbuta.
    **{c: "ا" for c in "أإآٱ"}, "ى": "ي", "ة": "ه",
}
# Combining marks (Latin accents in decomposed form), Arabic harakat, superscript alef, tatweel.
_DROPPED = set(map(chr, range(0x300, 0x370))) | set(map(chr, range(0x64B, 0x653))) | {"\u0670", "\u0640"}


def fold(text):
    out = []
    for c in text.lower():
        if c in _DROPPED:
            continue
        out.append(_FOLD.get(c, c))
    return "".join(out)


def words(text):
    """Folded words: runs of alphanumeric characters."""
    result, word = [], []
    for c in fold(text):
        if c.isalnum():
            word.append(c)
        elif word:
            result.append("".join(word))
            word = []
    if word:
        result.append("".join(word))
    return result


def key(text):
    return " ".join(words(text))


def ascii_eq_ci(a, b):
    """Rust's `eq_ignore_ascii_case` (only A-Z fold, unlike `str.lower`)."""
    return a.encode().lower() == b.encode().lower()


# ---------------------------------------------------------------------------------------
# Vocabularies (fihris-vocab), with labels in fr, ar, en: the order of LabelLanguage::ALL.

LABEL_LANGUAGES = ("fr", "ar", "en")

EU_THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/"
EU_THEME_SCHEME = "http://publications.europa.eu/resource/authority/data-theme"
# eu_theme.rs: code -> (fr, ar, en), in EuTheme::ALL order.
EU_THEMES = {
    "AGRI": ("Agriculture, pêche, sylviculture et alimentation", "الفلاحة والصيد البحري والغابات والتغذية", "Agriculture, fisheries, forestry and food"),
    "ECON": ("Économie et finances", "الاقتصاد والمالية", "Economy and finance"),
    "EDUC": ("Éducation, culture et sport", "التعليم والثقافة والرياضة", "Education, culture and sport"),
    "ENER": ("Énergie", "الطاقة", "Energy"),
    "ENVI": ("Environnement", "البيئة", "Environment"),
    "GOVE": ("Gouvernement et secteur public", "الحكومة والقطاع العام", "Government and public sector"),
    "HEAL": ("Santé", "الصحة", "Health"),
    "INTR": ("Questions internationales", "القضايا الدولية", "International issues"),
    "JUST": ("Justice, système juridique et sécurité publique", "العدالة والنظام القانوني والأمن العام", "Justice, legal system and public safety"),
    "REGI": ("Régions et villes", "الجهات والمدن", "Regions and cities"),
    "SOCI": ("Population et société", "السكان والمجتمع", "Population and society"),
    "TECH": ("Science et technologie", "العلوم والتكنولوجيا", "Science and technology"),
    "TRAN": ("Transports", "النقل", "Transport"),
}

PORTAL_THEME_BASE = "https://w3id.org/fihris/ma/theme/"
PORTAL_THEME_SCHEME = "https://w3id.org/fihris/ma/theme"
# portal_theme.rs: slug -> (fr, ar, en, EU primary, EU secondary), in PortalTheme::ALL order.
PORTAL_THEMES = {
    "agriculture": ("Agriculture", "الفلاحة", "Agriculture", "AGRI", "ENVI"),
    "assurance": ("Assurance", "التأمين", "Insurance", "ECON", "SOCI"),
    "cartographie": ("Cartographie", "الخرائطية", "Mapping", "REGI", "ENVI"),
    "culture": ("Culture", "الثقافة", "Culture", "EDUC", None),
    "finance": ("Économie et finance", "الاقتصاد والمالية", "Economy and finance", "ECON", "GOVE"),
    "education": ("Éducation", "التربية والتعليم", "Education", "EDUC", None),
    "emploi": ("Emploi", "التشغيل", "Employment", "ECON", "SOCI"),
    "equipement": ("Équipement", "التجهيز", "Infrastructure", "TRAN", "ENVI"),
    "habitat": ("Habitat et urbanisme", "السكنى والتعمير", "Housing and urban planning", "REGI", "ECON"),
    "it-telecoms": ("IT & télécoms", "تكنولوجيا المعلومات والاتصالات", "IT and telecommunications", "TECH", "ECON"),
    "justice": ("Justice", "العدل", "Justice", "JUST", None),
    "media": ("Média", "الإعلام", "Media", "EDUC", "SOCI"),
    "normalisation": ("Normalisation", "التقييس", "Standardisation", "TECH", "ECON"),
    "peche-maritime": ("Pêche maritime", "الصيد البحري", "Sea fisheries", "AGRI", "ECON"),
    "recherche-developpement": ("Recherche et développement", "البحث والتطوير", "Research and development", "TECH", "EDUC"),
    "sante": ("Santé", "الصحة", "Health", "HEAL", "SOCI"),
    "societe": ("Société", "المجتمع", "Society", "SOCI", None),
    "tourisme": ("Tourisme", "السياحة", "Tourism", "ECON", "REGI"),
    "transparence": ("Transparence", "الشفافية", "Transparency", "GOVE", "JUST"),
}
# emit.rs portal_scheme: the scheme's dct:title in fr, ar, en.
PORTAL_SCHEME_TITLES = (
    "Thèmes du portail national des données ouvertes",
    "مواضيع البوابة الوطنية للبيانات المفتوحة",
    "Themes of the national open data portal",
)


def portal_theme_from_slug(slug):
    """PortalTheme::from_slug: the slug, trimmed, ASCII case-insensitive."""
    slug = slug.strip()
    return next((s for s in PORTAL_THEMES if ascii_eq_ci(s, slug)), None)


def _label_key(label):
    """Folded words without `et` / `and` (portal_theme.rs label_key)."""
    return " ".join(w for w in words(label) if w not in ("et", "and"))


def portal_theme_from_label(label):
    """PortalTheme::from_label: slug, French or English label, leniently."""
    wanted = _label_key(label)
    if not wanted:
        return None
    for slug, (fr, _, en, _, _) in PORTAL_THEMES.items():
        if any(_label_key(l) == wanted for l in (slug, fr, en)):
            return slug
    return None


FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/"
# frequency.rs: the 31 codes of the EU table, in Frequency::ALL order.
FREQUENCY_CODES = [
    "ANNUAL", "ANNUAL_2", "ANNUAL_3", "BIDECENNIAL", "BIENNIAL", "BIHOURLY", "BIMONTHLY",
    "BIWEEKLY", "CONT", "DAILY", "DAILY_2", "DECENNIAL", "HOURLY", "IRREG", "MONTHLY",
    "MONTHLY_2", "MONTHLY_3", "NEVER", "OP_DATPRO", "OTHER", "QUADRENNIAL", "QUARTERLY",
    "QUINQUENNIAL", "TRIDECENNIAL", "TRIENNIAL", "TRIHOURLY", "UNKNOWN", "UPDATE_CONT",
    "WEEKLY", "WEEKLY_2", "WEEKLY_3",
]
# The Dublin Core Collection Description IRIs the EU table maps with skos:exactMatch.
CLD_FREQUENCIES = {
    "annual": "ANNUAL", "semiannual": "ANNUAL_2", "threeTimesAYear": "ANNUAL_3",
    "biennial": "BIENNIAL", "bimonthly": "BIMONTHLY", "biweekly": "BIWEEKLY",
    "continuous": "CONT", "daily": "DAILY", "irregular": "IRREG", "monthly": "MONTHLY",
    "semimonthly": "MONTHLY_2", "threeTimesAMonth": "MONTHLY_3", "quarterly": "QUARTERLY",
    "triennial": "TRIENNIAL", "weekly": "WEEKLY", "semiweekly": "WEEKLY_2",
    "threeTimesAWeek": "WEEKLY_3",
}


def _forms(code, *stems):
    return [(form, code) for form in stems]


# French frequency terms, folded, every gender and number; longer terms before the terms
# they contain (frequency.rs FRENCH_TERMS, same order: the first match wins).
FRENCH_TERMS = [
    *_forms("NEVER", "jamais mise a jour", "jamais mis a jour", "jamais mises a jour", "jamais mis a jours"),
    *_forms("UNKNOWN", "non renseignee", "non renseigne", "non renseignees", "non renseignes"),
    *_forms("UPDATE_CONT", "temps reel", "en continu"),
    *_forms("IRREG", "a la demande"),
    *_forms("DAILY", "quotidien", "quotidienne", "quotidiens", "quotidiennes",
            "journalier", "journaliere", "journaliers", "journalieres"),
    *_forms("WEEKLY", "hebdomadaire", "hebdomadaires"),
    *_forms("MONTHLY_2", "bimensuel", "bimensuelle", "bimensuels", "bimensuelles"),
    *_forms("MONTHLY", "mensuel", "mensuelle", "mensuels", "mensuelles"),
    *_forms("BIMONTHLY", "bimestriel", "bimestrielle", "bimestriels", "bimestrielles"),
    *_forms("QUARTERLY", "trimestriel", "trimestrielle", "trimestriels", "trimestrielles"),
    *_forms("ANNUAL_2", "semestriel", "semestrielle", "semestriels", "semestrielles"),
    *_forms("ANNUAL", "annuel", "annuelle", "annuels", "annuelles"),
    *_forms("BIENNIAL", "biennal", "biennale", "biennaux", "biennales"),
    *_forms("TRIENNIAL", "triennal", "triennale", "triennaux", "triennales"),
    *_forms("QUINQUENNIAL", "quinquennal", "quinquennale", "quinquennaux", "quinquennales"),
    *_forms("DECENNIAL", "decennal", "decennale", "decennaux", "decennales"),
    *_forms("IRREG", "irregulier", "irreguliere", "irreguliers", "irregulieres",
            "ponctuel", "ponctuelle", "ponctuels", "ponctuelles"),
]
_FRENCH_SPLIT = [(form.split(" "), code) for form, code in FRENCH_TERMS]


def frequency_from_iri(iri):
    """Frequency::from_iri: the EU IRI, or a CLD frequency IRI."""
    if iri.startswith(FREQUENCY_BASE) and iri[len(FREQUENCY_BASE):] in FREQUENCY_CODES:
        return iri[len(FREQUENCY_BASE):]
    if iri.startswith("http://purl.org/cld/freq/"):
        return CLD_FREQUENCIES.get(iri[len("http://purl.org/cld/freq/"):])
    return None


def frequency_from_code(code):
    code = code.strip()
    return next((c for c in FREQUENCY_CODES if ascii_eq_ci(c, code)), None)


def frequency_from_french(term):
    wanted = key(term)
    return next((code for form, code in FRENCH_TERMS if form == wanted), None)


def frequency_in_french_text(text):
    """Frequency::find_in_french_text: the first French term found, word by word."""
    found = words(text)
    for start in range(len(found)):
        for parts, code in _FRENCH_SPLIT:
            if found[start:start + len(parts)] == parts:
                return code
    return None


FILE_TYPE_BASE = "http://publications.europa.eu/resource/authority/file-type/"
# file_type.rs: (code, name, IANA media type, extensions), in FileType::ALL order.
FILE_TYPES = [
    ("CSV", "CSV", "text/csv", ("csv",)),
    ("TSV", "TSV", "text/tab-separated-values", ("tsv", "tab")),
    ("JSON", "JSON", "application/json", ("json",)),
    ("GEOJSON", "GeoJSON", "application/geo+json", ("geojson",)),
    ("XML", "XML", "application/xml", ("xml",)),
    ("RDF_XML", "RDF/XML", "application/rdf+xml", ("rdf",)),
    ("RDF_TURTLE", "Turtle", "text/turtle", ("ttl",)),
    ("RDF_N_TRIPLES", "N-Triples", "application/n-triples", ("nt",)),
    ("RDF_N_QUADS", "N-Quads", "application/n-quads", ("nq",)),
    ("RDF_TRIG", "TriG", "application/trig", ("trig",)),
    ("JSON_LD", "JSON-LD", "application/ld+json", ("jsonld",)),
    ("XLS", "Excel (XLS)", "application/vnd.ms-excel", ("xls",)),
    ("XLSX", "Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",)),
    ("ODS", "OpenDocument Spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", ("ods",)),
    ("PDF", "PDF", "application/pdf", ("pdf",)),
    ("DOC", "Word (DOC)", "application/msword", ("doc",)),
    ("DOCX", "Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",)),
    ("ODT", "OpenDocument Text", "application/vnd.oasis.opendocument.text", ("odt",)),
    ("RTF", "RTF", "text/rtf", ("rtf",)),
    ("TXT", "Text", "text/plain", ("txt",)),
    ("HTML", "HTML", "text/html", ("html", "htm")),
    ("ZIP", "ZIP", "application/zip", ("zip",)),
    ("RAR", "RAR", "application/vnd.rar", ("rar",)),
    ("7Z", "7z", "application/x-7z-compressed", ("7z",)),
    ("GZIP", "GZIP", "application/gzip", ("gz",)),
    ("TAR", "TAR", "application/x-tar", ("tar",)),
    ("PPT", "PowerPoint (PPT)", "application/vnd.ms-powerpoint", ("ppt",)),
    ("PPTX", "PowerPoint (PPTX)", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ("pptx",)),
    ("JPEG", "JPEG", "image/jpeg", ("jpg", "jpeg")),
    ("PNG", "PNG", "image/png", ("png",)),
    ("TIFF", "TIFF", "image/tiff", ("tif", "tiff")),
    ("GEOTIFF", "GeoTIFF", "image/tiff", ("geotiff",)),
    ("SHP", "Esri Shapefile", None, ("shp", "shx")),
    ("KML", "KML", "application/vnd.google-earth.kml+xml", ("kml",)),
    ("KMZ", "KMZ", "application/vnd.google-earth.kmz", ("kmz",)),
    ("GPKG", "GeoPackage", "application/geopackage+sqlite3", ("gpkg",)),
    ("GML", "GML", "application/gml+xml", ("gml",)),
    ("DBF", "dBase", None, ("dbf",)),
    ("MDB", "Access (MDB)", None, ("mdb",)),
    ("SQL", "SQL", "application/sql", ("sql",)),
    ("DWG", "AutoCAD DWG", "image/vnd.dwg", ("dwg",)),
    ("DXF", "AutoCAD DXF", "image/vnd.dxf", ("dxf",)),
    ("NETCDF", "NetCDF", "application/x-netcdf", ("nc", "cdf")),
    ("PARQUET", "Apache Parquet", "application/vnd.apache.parquet", ("parquet",)),
    ("WMS_SRVC", "WMS", None, ()),
    ("WFS_SRVC", "WFS", None, ()),
]
# Media types in use besides the IANA ones (MEDIA_TYPE_ALIASES), in order.
MEDIA_TYPE_ALIASES = [
    ("application/csv", "CSV"), ("text/comma-separated-values", "CSV"), ("text/x-csv", "CSV"),
    ("text/tsv", "TSV"), ("text/json", "JSON"), ("application/vnd.geo+json", "GEOJSON"),
    ("text/xml", "XML"), ("application/x-turtle", "RDF_TURTLE"),
    ("application/rdf+xml;type=skos", "RDF_XML"), ("application/x-msexcel", "XLS"),
    ("application/excel", "XLS"),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "DOCX"),
    ("application/rtf", "RTF"), ("application/x-zip-compressed", "ZIP"),
    ("application/x-rar-compressed", "RAR"), ("application/x-gzip", "GZIP"),
    ("image/jpg", "JPEG"), ("image/tiff-fx", "TIFF"), ("application/x-shapefile", "SHP"),
    ("application/x-esri-shape", "SHP"), ("application/vnd.shp", "SHP"),
    ("application/x-dbf", "DBF"), ("application/dbf", "DBF"), ("application/x-msaccess", "MDB"),
    ("application/vnd.ms-access", "MDB"), ("application/x-sql", "SQL"),
    ("application/acad", "DWG"), ("image/x-dwg", "DWG"), ("image/x-dxf", "DXF"),
    ("application/dxf", "DXF"), ("application/netcdf", "NETCDF"),
    ("application/x-parquet", "PARQUET"),
]
# What CKAN users type in the format field, as comparison keys (LABEL_ALIASES), in order.
LABEL_ALIASES = [
    ("excel", "XLSX"), ("ms excel", "XLSX"), ("microsoft excel", "XLSX"), ("shapefile", "SHP"),
    ("esri shapefile", "SHP"), ("shape", "SHP"), ("shp zip", "SHP"), ("turtle", "RDF_TURTLE"),
    ("ntriples", "RDF_N_TRIPLES"), ("n triples", "RDF_N_TRIPLES"), ("nquads", "RDF_N_QUADS"),
    ("n quads", "RDF_N_QUADS"), ("json ld", "JSON_LD"), ("rdf xml", "RDF_XML"),
    ("rdf", "RDF_XML"), ("text", "TXT"), ("texte", "TXT"), ("plain text", "TXT"),
    ("word", "DOCX"), ("ms word", "DOCX"), ("powerpoint", "PPTX"), ("access", "MDB"),
    ("ms access", "MDB"), ("geopackage", "GPKG"), ("wms", "WMS_SRVC"), ("wfs", "WFS_SRVC"),
    ("7zip", "7Z"), ("7 zip", "7Z"), ("jpg", "JPEG"), ("web page", "HTML"),
    ("page web", "HTML"), ("autocad", "DWG"), ("dbase", "DBF"),
]


def file_type_from_code(code):
    code = code.strip()
    return next((c for c, _, _, _ in FILE_TYPES if ascii_eq_ci(c, code)), None)


def file_type_from_extension(extension):
    extension = extension.strip()
    extension = extension[1:] if extension.startswith(".") else extension
    for code, _, _, extensions in FILE_TYPES:
        if any(ascii_eq_ci(e, extension) for e in extensions):
            return code
    return None


def file_type_from_media_type(media_type):
    """FileType::from_media_type: aliases, then the essence (parameters dropped)."""
    lower = media_type.strip().encode().lower().decode()
    for alias, code in MEDIA_TYPE_ALIASES:
        if alias == lower:
            return code
    essence = lower.split(";")[0].strip()
    for code, _, media, _ in FILE_TYPES:
        if media == essence:
            return code
    return next((code for alias, code in MEDIA_TYPE_ALIASES if alias == essence), None)


def file_type_from_label(label):
    """FileType::from_label: what people type in a CKAN format field."""
    label = label.strip()
    if not label:
        return None
    lower = label.encode().lower().decode()
    if lower.startswith("http://") or lower.startswith("https://"):
        rest = label.split("://", 1)[1]
        rest = rest[4:] if rest.startswith("www.") else rest
        eu = "publications.europa.eu/resource/authority/file-type/"
        iana = "iana.org/assignments/media-types/"
        if rest.startswith(eu):
            return file_type_from_code(rest[len(eu):].rstrip("/"))
        if rest.startswith(iana):
            return file_type_from_media_type(rest[len(iana):].rstrip("/"))
        return None
    bare = label[1:] if label.startswith(".") else label
    found = file_type_from_code(bare) or file_type_from_extension(bare)
    if found:
        return found
    if "/" in bare:
        found = file_type_from_media_type(bare)
        if found:
            return found
    wanted = key(bare)
    for code, name, _, _ in FILE_TYPES:
        if key(code) == wanted or key(name) == wanted:
            return code
    return next((code for alias, code in LABEL_ALIASES if alias == wanted), None)


# licence.rs: (EU code, IRI, CKAN id, SPDX id, fr label, en label), in Licence::ALL order.
# A licence document carries its fr and en labels (LicenseDocument::from, fihris-model).
LICENCES = [
    ("MA_ODBL", "https://w3id.org/fihris/licence/ma-odbl", "ma-odbl", None,
     "Licence ouverte de bases de données du portail marocain (adaptée de l’ODbL 1.0)",
     "Open Database License of the Moroccan open data portal (adapted from ODbL 1.0)"),
    ("ODC_BL", "http://publications.europa.eu/resource/authority/licence/ODC_BL", "odc-odbl", "ODbL-1.0",
     "Licence ouverte de bases de données (ODbL) v1.0",
     "Open Data Commons Open Database License v1.0"),
    ("CC_BY_4_0", "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", "cc-by", "CC-BY-4.0",
     "Creative Commons Attribution 4.0 International",
     "Creative Commons Attribution 4.0 International"),
    ("CC_BYSA_4_0", "http://publications.europa.eu/resource/authority/licence/CC_BYSA_4_0", "cc-by-sa", "CC-BY-SA-4.0",
     "Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International",
     "Creative Commons Attribution-ShareAlike 4.0 International"),
    ("CC0", "http://publications.europa.eu/resource/authority/licence/CC0", "cc-zero", "CC0-1.0",
     "Creative Commons CC0 1.0 Universel",
     "Creative Commons CC0 1.0 Universal"),
    ("ODC_PDDL", "http://publications.europa.eu/resource/authority/licence/ODC_PDDL", "odc-pddl", "PDDL-1.0",
     "Open Data Commons Dédicace au domaine public et licence 1.0",
     "Open Data Commons Public Domain Dedication and License 1.0"),
    ("ODC_BY", "http://publications.europa.eu/resource/authority/licence/ODC_BY", "odc-by", "ODC-By-1.0",
     "Licence Open Data Commons Attribution v1.0",
     "Open Data Commons Attribution License v1.0"),
    ("ETALAB_2_0", "http://publications.europa.eu/resource/authority/licence/ETALAB_2_0", "lov2", "etalab-2.0",
     "Licence Ouverte Etalab V 2.0",
     "Etalab Open Licence V 2.0"),
    ("NOT_SPECIFIED", "https://w3id.org/fihris/licence/not-specified", "notspecified", None,
     "Licence non spécifiée",
     "Licence not specified"),
]


def licence_from_ckan_id(licence_id):
    """Licence::from_ckan_id: the CKAN id, the SPDX id, or an Etalab alias."""
    licence_id = licence_id.strip()
    for licence in LICENCES:
        if ascii_eq_ci(licence[2], licence_id):
            return licence
    for licence in LICENCES:
        if licence[3] is not None and ascii_eq_ci(licence[3], licence_id):
            return licence
    if any(ascii_eq_ci(alias, licence_id) for alias in ("etalab-2.0", "fr-lo-2.0")):
        return LICENCES[7]
    return None


PRODUCER_BASE = "https://w3id.org/fihris/ma/producer/"
# producer.rs PRODUCERS: (code, CKAN slug, French name, Arabic name), in its order.
PRODUCERS = [
    ('ADD', 'agence-de-developpement-du-digital', 'Agence de Développement du Digital', 'وكالة التنمية الرقمية'),
    ('ABHSM', 'agence-du-bassin-hydraulique-de-souss-massa', 'Agence du Bassin Hydraulique de Souss-Massa', 'وكالة الحوض المائي لسوس ماسة'),
    ('AUSY', 'agence-urbaine-safi-youssoufia', 'Agence Urbaine de Safi-Youssoufia', 'الوكالة الحضرية لآسفي - اليوسفية'),
    ('AMMC', 'ammc', 'Autorité Marocaine du Marché des Capitaux', 'الهيئة المغربية لسوق الرساميل'),
    ('ANRT', 'anrt', 'Agence Nationale de Réglementation des Télécommunications', 'الوكالة الوطنية لتقنين المواصلات'),
    ('AM', 'archives-du-maroc', 'Archives du Maroc', 'أرشيف المغرب'),
    ('ACAPS', 'autorite-de-controle-des-assurances-et-de-la-prevoyance-sociale', 'Autorité de Contrôle des Assurances et de la Prévoyance Sociale', 'هيئة مراقبة التأمينات والاحتياط الاجتماعي'),
    ('BAM', 'bank-al-maghrib', 'Bank Al-Maghrib', 'بنك المغرب'),
    ('CNRA', 'caisse-nationale-de-retraites-et-d-assurances', "Caisse Nationale de Retraites et d'Assurances", 'الصندوق الوطني للتقاعد والتأمين'),
    ('CRI-DT', 'centre-regional-d-investissement-draa-tafilalet', "Centre Régional d'Investissement de Drâa-Tafilalet", 'المركز الجهوي للاستثمار لجهة درعة تافيلالت'),
    ('CRI-SM', 'centre-regional-d-investissement-souss-massa', "Centre Régional d'Investissement de Souss-Massa", 'المركز الجهوي للاستثمار لجهة سوس ماسة'),
    ('CCISRMS', 'chambre-de-commerce-d-industrie-et-de-services-de-la-region-marrakech-safi-ccisrms', "Chambre de Commerce, d'Industrie et de Services de la Région Marrakech-Safi", 'غرفة التجارة والصناعة والخدمات لجهة مراكش آسفي'),
    ('CMR', 'caisse-marocaine-des-retraites', 'Caisse Marocaine des Retraites', 'الصندوق المغربي للتقاعد'),
    ('CNOPS', 'caisse-nationale-des-organismes-de-prevoyance-sociale', 'Caisse Nationale des Organismes de Prévoyance Sociale', 'الصندوق الوطني لمنظمات الاحتياط الاجتماعي'),
    ('CNSS', 'cnss', 'Caisse Nationale de Sécurité Sociale', 'الصندوق الوطني للضمان الاجتماعي'),
    ('CAM', 'commune-ait-melloul', "Commune d'Aït Melloul", 'جماعة أيت ملول'),
    ('DA', 'departement-de-l-agriculture', "Ministère de l'Agriculture, de la Pêche Maritime, du Développement Rural et des Eaux et Forêts - Département de l'Agriculture", 'وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات - قطاع الفلاحة'),
    ('DPM', 'departement-de-la-peche-maritime', "Ministère de l'Agriculture, de la Pêche Maritime, du Développement Rural et des Eaux et Forêts - Département de la Pêche Maritime", 'وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات - قطاع الصيد البحري'),
    ('FNM', 'fondation-nationale-des-musees', 'Fondation Nationale des Musées', 'المؤسسة الوطنية للمتاحف'),
    ('HCP', 'haut-commissariat-au-plan', 'Haut-Commissariat au Plan', 'المندوبية السامية للتخطيط'),
    ('IMANOR', 'imanor', 'Institut Marocain de Normalisation', 'المعهد المغربي للتقييس'),
    ('INPPLC', 'l-instance-nationale-de-la-probite-de-la-prevention-et-de-la-lutte-contre-la-corruption', 'Instance Nationale de la Probité, de la Prévention et de la Lutte contre la Corruption', 'الهيئة الوطنية للنزاهة والوقاية من الرشوة ومحاربتها'),
    ('CT', 'les-collectivites-territoriales', 'Les Collectivités Territoriales', 'الجماعات الترابية'),
    ('MAECAMRE', 'ministere-des-affaires-etrangeres-et-de-la-cooperation', "Ministère des Affaires Étrangères, de la Coopération Africaine et des Marocains Résidant à l'Étranger", 'وزارة الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج'),
    ('MATNUHPV', 'matnuhpv', "Ministère de l'Aménagement du Territoire National, de l'Urbanisme, de l'Habitat et de la Politique de la Ville", 'وزارة إعداد التراب الوطني والتعمير والإسكان وسياسة المدينة'),
    ('MEF', 'ministere-de-l-economie-et-des-finances', "Ministère de l'Économie et des Finances", 'وزارة الاقتصاد والمالية'),
    ('MENPS', 'ministere-de-l-education-nationale-et-de-la-formation-professionnelle', "Ministère de l'Éducation Nationale, du Préscolaire et des Sports", 'وزارة التربية الوطنية والتعليم الأولي والرياضة'),
    ('MESRSI', 'ministere-de-l-enseignement-superieur-de-la-recherche-scientifique-et-de-la-formation-des-cadres', "Ministère de l'Enseignement Supérieur, de la Recherche Scientifique et de l'Innovation", 'وزارة التعليم العالي والبحث العلمي والابتكار'),
    ('MIC', 'ministere-de-l-industrie-du-commerce-de-l-investissement-et-de-l-economie-numerique', "Ministère de l'Industrie et du Commerce", 'وزارة الصناعة والتجارة'),
    ('MIEPEEC', 'ministere-de-l-emploi-et-des-affaires-sociales', "Ministère de l'Inclusion Économique, de la Petite Entreprise, de l'Emploi et des Compétences", 'وزارة الإدماج الاقتصادي والمقاولة الصغرى والتشغيل والكفاءات'),
    ('MEE', 'ministere-de-l-equipement-et-de-l-eau', "Ministère de l'Équipement et de l'Eau", 'وزارة التجهيز والماء'),
    ('MJ', 'ministere-de-la-justice-et-des-libertes', 'Ministère de la Justice', 'وزارة العدل'),
    ('MJCC', 'mjcc', 'Ministère de la Jeunesse, de la Culture et de la Communication', 'وزارة الشباب والثقافة والتواصل'),
    ('MSISF', 'ministere-de-la-solidarite-de-l-insertion-sociale-et-de-la-famille-msisf', "Ministère de la Solidarité, de l'Insertion Sociale et de la Famille", 'وزارة التضامن والإدماج الاجتماعي والأسرة'),
    ('MSPS', 'ministere-de-la-sante', 'Ministère de la Santé et de la Protection Sociale', 'وزارة الصحة والحماية الاجتماعية'),
    ('MTAESS', 'ministere-du-tourisme', "Ministère du Tourisme, de l'Artisanat et de l'Économie Sociale et Solidaire", 'وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني'),
    ('MTNRA', 'ministere-de-la-reforme-de-l-administration-et-de-la-fonction-publique', "Ministère de la Transition Numérique et de la Réforme de l'Administration", 'الوزارة المكلفة بالانتقال الرقمي وإصلاح الإدارة'),
    ('NARSA', 'narsa', 'Agence Nationale de la Sécurité Routière', 'الوكالة الوطنية للسلامة الطرقية'),
    ('PARL', 'parlement', 'Parlement', 'البرلمان'),
    ('PM', 'poste-maroc', 'Poste Maroc', 'بريد المغرب'),
    ('RCAR', 'regime-collectif-d-allocation-de-retraite', "Régime Collectif d'Allocation de Retraite", 'النظام الجماعي لمنح رواتب التقاعد'),
    ('RBMK', 'region-beni-mellal-khenifra', 'Région Béni Mellal-Khénifra', 'جهة بني ملال خنيفرة'),
    ('RCS', 'region-casablanca-settat', 'Région Casablanca-Settat', 'جهة الدار البيضاء سطات'),
    ('RFM', 'region-fes-meknes', 'Région Fès-Meknès', 'جهة فاس مكناس'),
    ('RSM', 'region-souss-massa', 'Région Souss-Massa', 'جهة سوس ماسة'),
    ('RTTA', 'region-tanger-tetouan-al-hoceima', 'Région Tanger-Tétouan-Al Hoceïma', 'جهة طنجة تطوان الحسيمة'),
    ('2M', 'soread-2m', 'SOREAD 2M', 'صورياد دوزيم'),
]


def producer_by_slug(slug):
    """Producer::by_slug: the CKAN slug, trimmed, exact."""
    slug = slug.strip()
    return next((p for p in PRODUCERS if p[1] == slug), None)


def producer_find(name):
    """Producer::find: slug, code, French or Arabic name, leniently."""
    wanted = key(name)
    if not wanted:
        return None
    return next((p for p in PRODUCERS if any(key(n) == wanted for n in (p[1], p[0], p[2], p[3]))), None)


# inventory.rs PublicationStatus: code -> (fr, en).
PUBLICATION_STATUSES = {
    "published": ("Publié", "Published"),
    "planned": ("Planifié", "Planned"),
    "restricted": ("Restreint", "Restricted"),
}
PUBLICATION_STATUS_BASE = "https://w3id.org/fihris/vocab/publication-status/"

# ---------------------------------------------------------------------------------------
# Model values (fihris-model): IRIs, dates, texts.

_HEX = set("0123456789abcdefABCDEF")
_IRI_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_IRI_FORBIDDEN = set(' <>"{}|\\^`') | set(map(chr, range(0x20))) | set(map(chr, range(0x7F, 0xA0)))


def is_iri(text):
    """Whether Iri::new accepts text: an absolute IRI (RFC 3987). fihris asks oxiri; this
    checks the scheme, the characters, percent escapes, one `#` and a numeric port."""
    match = _IRI_SCHEME.match(text)
    if not match:
        return False
    rest = text[match.end():]
    if any(c in _IRI_FORBIDDEN for c in rest) or rest.count("#") > 1:
        return False
    for at, c in enumerate(rest):
        if c == "%" and not (len(rest) > at + 2 and rest[at + 1] in _HEX and rest[at + 2] in _HEX):
            return False
        if c in "[]" and not rest.startswith("//"):
            return False
    if rest.startswith("//"):
        authority = re.split(r"[/?#]", rest[2:], maxsplit=1)[0]
        host_port = authority.rsplit("@", 1)[-1]
        if not host_port.startswith("["):
            if "[" in host_port or "]" in host_port:
                return False
            port = host_port.rsplit(":", 1)[1] if ":" in host_port else ""
            if port and not (port.isascii() and port.isdigit()):
                return False
    return True


def _valid_day(year, month, day):
    try:
        date(year, month, day)
        return True
    except ValueError:
        return False


def _strip_timezone(value):
    """The value without its timezone (`Z`, `+01:00`), or None when it is malformed."""
    if value.endswith("Z"):
        return value[:-1]
    if len(value) > 6 and value[-6] in "+-" and value[-3] == ":":
        hours, minutes = value[-5:-3], value[-2:]
        if not (hours.isdigit() and minutes.isdigit() and hours.isascii() and minutes.isascii()):
            return None
        h, m = int(hours), int(minutes)
        return value[:-6] if (h <= 14 and m < 60 and (h < 14 or m == 0)) else None
    return value


def _digits(value, count):
    return len(value) == count and value.isascii() and value.isdigit()


def _check_time(time):
    clock = _strip_timezone(time)
    if clock is None:
        return False
    clock, _, fraction = clock.partition(".")
    if "." in time and (not fraction or not (fraction.isascii() and fraction.isdigit())):
        return False
    parts = clock.split(":")
    if len(parts) != 3 or not all(_digits(p, 2) for p in parts):
        return False
    h, m, s = map(int, parts)
    end_of_day = h == 24 and m == 0 and s == 0 and set(fraction) <= {"0"}
    return (h < 24 and m < 60 and s < 60) or end_of_day


def temporal_datatype(lexical):
    """Temporal::parse: the XSD datatype of a date or time as catalogues write it (year,
    year-month, date, dateTime with any timezone); None when it is none of them. The
    lexical form is kept byte-exact."""
    date_part, t, time_part = lexical.partition("T")
    if not t:
        date_part = _strip_timezone(lexical)
        if date_part is None:
            return None
        time_part = None
    fields = date_part.split("-")
    if len(fields) > 3 or not (len(fields[0]) >= 4 and fields[0].isascii() and fields[0].isdigit()):
        return None
    if len(fields) >= 2 and not _digits(fields[1], 2):
        return None
    if len(fields) == 3 and not _digits(fields[2], 2):
        return None
    if time_part is not None and (len(fields) != 3 or not _check_time(time_part)):
        return None
    year = int(fields[0])
    if len(fields) >= 2 and not 1 <= int(fields[1]) <= 12:
        return None
    if len(fields) == 3 and not _valid_day(year, int(fields[1]), int(fields[2])):
        return None
    if time_part is not None:
        return "dateTime"
    return ("gYear", "gYearMonth", "date")[len(fields) - 1]


class Number(str):
    """A JSON number, kept as written (json.rs keeps number lexical forms)."""


def _reject_constant(name):
    raise ValueError(f"{name} is not JSON")


def parse_json(text):
    return json.loads(text, parse_int=Number, parse_float=Number, parse_constant=_reject_constant)


class Agent:
    """fihris-model Agent: kind Organization unless said otherwise."""

    __slots__ = ("id", "kind", "name", "email")

    def __init__(self, name, kind="Organization"):
        self.id, self.kind, self.name, self.email = None, kind, name, None


class ContactPoint:
    """fihris-model ContactPoint: a vcard:Kind with a name and an e-mail."""

    __slots__ = ("name", "email")

    def __init__(self):
        self.name, self.email = [], None


class Distribution:
    __slots__ = ("id", "access_urls", "download_urls", "title", "description", "format",
                 "media_type", "licence", "byte_size", "issued", "modified")

    def __init__(self, node):
        self.id = node
        self.access_urls, self.download_urls = [], []
        self.title, self.description = [], []
        self.format = self.media_type = self.licence = self.byte_size = None
        self.issued = self.modified = None


class Dataset:
    __slots__ = ("id", "title", "description", "distributions", "keywords", "themes",
                 "portal_themes", "publisher", "creators", "contact_points", "issued",
                 "modified", "accrual_periodicity", "landing_pages", "identifiers", "version",
                 "frequency_inferred", "publication_status")

    def __init__(self, node, title):
        self.id, self.title = node, title
        self.description, self.distributions, self.keywords = [], [], []
        self.themes, self.portal_themes, self.creators, self.contact_points = [], [], [], []
        self.landing_pages, self.identifiers = [], []
        self.publisher = self.issued = self.modified = self.accrual_periodicity = None
        self.version = self.publication_status = None
        self.frequency_inferred = False


# ---------------------------------------------------------------------------------------
# CKAN -> model (fihris-ckan mapping.rs, read.rs).

BASE = "https://data.gov.ma/data/fr/"
LANGUAGE = "fr"  # `fihris convert` reads CKAN with `.with_language("fr")`.
IANA = "https://www.iana.org/assignments/media-types/"
FREQUENCY_EXTRAS = ("frequency", "periodicite", "périodicité", "accrual_periodicity")
STATUS_EXTRAS = ("publication_status", "statut_publication")


class Reader:
    """Reads CKAN packages into datasets, gathering findings (mapping.rs Sink)."""

    def __init__(self):
        self.findings = []
        self.record = self.line = 0
        # 1-based position of the package among the readable ones: names unnamed resources.
        self.position = 0

    def warn(self, kind, field, message):
        self.findings.append((kind, self.line, field, message))

    # Small conversions.

    @staticmethod
    def non_empty(value):
        """A string with content; "", null and other types give None."""
        return value if isinstance(value, str) and not isinstance(value, Number) and value else None

    @staticmethod
    def is_string(value):
        return isinstance(value, str) and not isinstance(value, Number)

    @staticmethod
    def is_arabic(text):
        """Whether a text is mostly in Arabic script."""
        arabic = latin = 0
        for c in text:
            o = ord(c)
            if 0x600 <= o <= 0x6FF or 0x750 <= o <= 0x77F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
                arabic += 1
            elif c.isalpha():
                latin += 1
        return arabic > latin

    def text(self, value):
        """A text of one value, tagged `ar` for Arabic script, else the reader's language."""
        return [("ar" if self.is_arabic(value) else LANGUAGE, value)]

    def expect_string(self, raw, field):
        if not self.is_string(raw):
            self.wrong_type(raw, "a string", field)

    def wrong_type(self, raw, expected, field):
        if not (raw is None or (self.is_string(raw) and raw == "")):
            self.warn("invalid-value", field, f"expected {expected}; kept as read")

    def read_temporal(self, raw, field):
        """A timestamp as CKAN writes it, repaired when it uses a space for `T`."""
        text = self.non_empty(raw)
        if text is None:
            return None
        datatype = temporal_datatype(text)
        if datatype:
            return (text, datatype)
        repaired = text.strip().replace(" ", "T", 1)
        datatype = temporal_datatype(repaired)
        if datatype:
            self.warn("repaired", field, f"timestamp {text!r} read as {repaired}")
            return (repaired, datatype)
        self.warn("invalid-value", field, f"{text!r} is not a date or timestamp; kept as read")
        return None

    def read_iri(self, raw, field):
        text = self.non_empty(raw)
        if text is None:
            return None
        trimmed = text.strip()
        if not is_iri(trimmed):
            self.warn("invalid-value", field, "not an absolute IRI; kept as read")
            return None
        if trimmed != text:
            self.warn("repaired", field, f"surrounding spaces removed from {text!r}")
        return trimmed

    # Packages.

    def dataset_id(self, fields, position):
        """The package's `uri` (top level or extra), else <base>dataset/<name>, else
        <base>dataset/<id>, else a blank node."""
        uri = self.non_empty(fields.get("uri")) or self.extra_value(fields, ("uri",))
        if uri is not None and is_iri(uri.strip()):
            return URIRef(uri.strip())
        for name in ("name", "id"):
            slug = self.non_empty(fields.get(name))
            if slug is not None and is_iri(f"{BASE}dataset/{slug}"):
                return URIRef(f"{BASE}dataset/{slug}")
        return BNode(f"package{position}")

    def extra_value(self, fields, keys):
        """The value of the first CKAN extra with one of these keys (ASCII case-insensitive)."""
        extras = fields.get("extras")
        if not isinstance(extras, list):
            return None
        for entry in extras:
            if not isinstance(entry, dict):
                continue
            name = self.non_empty(entry.get("key"))
            if name is None or not any(ascii_eq_ci(k, name.strip()) for k in keys):
                continue
            value = self.non_empty(entry.get("value"))
            if value is not None:
                return value
        return None

    def read_package(self, fields, position):
        """mapping.rs read_package: one package object into a dataset, or the reason why not."""
        node = self.dataset_id(fields, position)
        title = fields.get("title")
        if title is None or (self.is_string(title) and not title.strip()):
            return None, "the package has no title"
        if not self.is_string(title):
            return None, "the package title is not a string"
        dataset = Dataset(node, self.text(title))
        # PACKAGE_RULES, in their order (title first, license_id again after resources).
        for name, rule in self.PACKAGE_RULES:
            if name in fields:
                rule(self, fields[name], dataset)
        if "license_id" in fields:
            findings = len(self.findings)
            self.read_licence(fields["license_id"], dataset)
            del self.findings[findings:]  # Read again quietly (Sink::quiet).
        self.read_frequency(fields, dataset)
        status = self.extra_value(fields, STATUS_EXTRAS)
        if status is not None:
            decoded = decode_status(status)
            if decoded:
                dataset.publication_status = decoded
            else:
                self.warn("invalid-value", "extras.publication_status",
                          f"{status!r} is not a publication status; kept as read")
        elif fields.get("private") is not True:
            dataset.publication_status = "published"
        return dataset, None

    def read_author(self, raw, dataset):
        self.expect_string(raw, "author")
        name = self.non_empty(raw)
        if name is not None and name.strip():
            dataset.creators.insert(0, Agent(self.text(name), kind="Agent"))

    def read_author_email(self, raw, dataset):
        email = self.non_empty(raw)
        if email is not None and dataset.creators:
            dataset.creators[0].email = email

    def read_id(self, raw, dataset):
        identifier = self.non_empty(raw)
        if identifier is not None:
            dataset.identifiers.insert(0, identifier)

    def read_licence(self, raw, dataset):
        licence_id = self.non_empty(raw)
        if licence_id is None:
            self.expect_string(raw, "license_id")
            return
        licence = licence_from_ckan_id(licence_id)
        if licence is None:
            self.warn("unknown-licence", "license_id", f"licence {licence_id!r} is not a known licence; kept as read")
            return
        if licence[2] != licence_id:
            self.warn("repaired", "license_id", f"licence {licence_id!r} read as {licence[2]!r}")
        for distribution in dataset.distributions:
            distribution.licence = licence

    @staticmethod
    def contact(dataset):
        if not dataset.contact_points:
            dataset.contact_points.append(ContactPoint())
        return dataset.contact_points[0]

    def read_maintainer(self, raw, dataset):
        self.expect_string(raw, "maintainer")
        name = self.non_empty(raw)
        if name is not None:
            self.contact(dataset).name = self.text(name)

    def read_maintainer_email(self, raw, dataset):
        email = self.non_empty(raw)
        if email is not None:
            self.contact(dataset).email = email

    def read_created(self, raw, dataset):
        dataset.issued = self.read_temporal(raw, "metadata_created")

    def read_modified(self, raw, dataset):
        dataset.modified = self.read_temporal(raw, "metadata_modified")

    def read_notes(self, raw, dataset):
        self.expect_string(raw, "notes")
        notes = self.non_empty(raw)
        if notes is not None:
            dataset.description = self.text(notes)

    def read_organization(self, raw, dataset):
        """The organisation: a producer of the referential (its w3id IRI), else a new agent
        `<base>organization/<name>`."""
        if not isinstance(raw, dict):
            if raw is not None:
                self.warn("invalid-value", "organization", "expected an object; kept as read")
            return
        title = self.non_empty(raw.get("title"))
        name = self.non_empty(raw.get("name"))
        label = title if title is not None and title.strip() else name
        if label is None:
            self.warn("invalid-value", "organization", "the organisation has no title nor name; kept as read")
            return
        if not label.strip():
            return  # Agent::new needs a name with content.
        agent = Agent(self.text(label))
        producer = ((name and producer_by_slug(name)) or (title and producer_find(title))
                    or (name and producer_find(name)))
        if producer:
            agent.id = URIRef(PRODUCER_BASE + producer[0])
        else:
            self.warn("unknown-organisation", "organization",
                      f"{label!r} is not a producer of the portal referential; kept as a new agent")
            if name is not None and is_iri(f"{BASE}organization/{name}"):
                agent.id = URIRef(f"{BASE}organization/{name}")
        dataset.publisher = agent

    def read_url(self, raw, dataset):
        iri = self.read_iri(raw, "url")
        if iri is not None:
            dataset.landing_pages.insert(0, iri)

    def read_version(self, raw, dataset):
        dataset.version = self.non_empty(raw)

    def read_groups(self, raw, dataset):
        """CKAN groups: portal themes, and the EU themes they map to."""
        if not isinstance(raw, list):
            self.wrong_type(raw, "a list of groups", "groups")
            return
        for index, group in enumerate(raw):
            theme = None
            if isinstance(group, dict):
                # By slug (`name`), else by label (`title`, `display_name`).
                name, title, display = (self.non_empty(group.get(k)) for k in ("name", "title", "display_name"))
                theme = ((name and portal_theme_from_slug(name))
                         or (title and portal_theme_from_label(title))
                         or (display and portal_theme_from_label(display)))
            elif self.is_string(group):
                theme = portal_theme_from_slug(group) or portal_theme_from_label(group)
            if not theme:
                self.warn("unknown-theme", f"groups[{index}]", "not one of the portal's themes; kept as read")
                continue
            if theme not in dataset.portal_themes:
                dataset.portal_themes.append(theme)
            _, _, _, primary, secondary = PORTAL_THEMES[theme]
            for eu in (primary, secondary):
                if eu and eu not in dataset.themes:
                    dataset.themes.append(eu)

    def read_resources(self, raw, dataset):
        if not isinstance(raw, list):
            self.wrong_type(raw, "a list of resources", "resources")
            return
        for index, resource in enumerate(raw):
            if isinstance(resource, dict):
                dataset.distributions.append(self.read_resource(resource, dataset.id, index))
            else:
                self.warn("invalid-value", f"resources[{index}]", "a resource is an object; kept as read")

    def read_tags(self, raw, dataset):
        if not isinstance(raw, list):
            self.wrong_type(raw, "a list of tags", "tags")
            return
        for tag in raw:
            name = self.non_empty(tag.get("name")) if isinstance(tag, dict) else None
            if name is not None and name.strip():  # Keyword::new needs content.
                dataset.keywords.append(self.text(name)[0])

    PACKAGE_RULES = [
        ("author", read_author),
        ("author_email", read_author_email),
        ("id", read_id),
        ("license_id", read_licence),
        ("maintainer", read_maintainer),
        ("maintainer_email", read_maintainer_email),
        ("metadata_created", read_created),
        ("metadata_modified", read_modified),
        ("notes", read_notes),
        ("organization", read_organization),
        ("url", read_url),
        ("version", read_version),
        ("groups", read_groups),
        ("resources", read_resources),
        ("tags", read_tags),
    ]

    # Resources.

    def read_resource(self, fields, dataset, index):
        """mapping.rs read_resource: `<dataset>/resource/<id>`, else its URL, else a blank node."""
        resource_id = self.non_empty(fields.get("id"))
        node = None
        if isinstance(dataset, URIRef) and resource_id is not None and is_iri(f"{dataset}/resource/{resource_id}"):
            node = URIRef(f"{dataset}/resource/{resource_id}")
        if node is None:
            url = self.non_empty(fields.get("url"))
            if url is not None and is_iri(url.strip()):
                node = URIRef(url.strip())
        if node is None:
            node = BNode(f"{dataset}r{index}" if isinstance(dataset, BNode) else f"p{self.position}r{index}")
        distribution = Distribution(node)
        for name, rule in self.RESOURCE_RULES:
            if name in fields:
                rule(self, fields[name], distribution, f"resources[{index}].{name}")
        if "url" not in fields:
            self.warn("invalid-value", f"resources[{index}].url",
                      "the resource has no URL: the distribution has no access URL")
        return distribution

    def read_resource_created(self, raw, d, field):
        d.issued = self.read_temporal(raw, field)

    def read_resource_description(self, raw, d, field):
        text = self.non_empty(raw)
        if text is not None:
            d.description = self.text(text)

    def read_download_url(self, raw, d, field):
        iri = self.read_iri(raw, field)
        if iri is not None:
            d.download_urls.insert(0, iri)

    def read_format(self, raw, d, field):
        """The format: an EU file type; unknown labels are a finding and no dct:format."""
        label = self.non_empty(raw)
        if label is None:
            return
        code = file_type_from_label(label)
        if code:
            if not ascii_eq_ci(label, code):
                self.warn("repaired", field, f"format {label!r} read as {code}")
            d.format = code
        elif label.strip():
            self.warn("unknown-format", field, f"format {label!r} is not a known file type; kept as read")

    def read_last_modified(self, raw, d, field):
        d.modified = self.read_temporal(raw, field)

    def read_mimetype(self, raw, d, field):
        media_type = self.non_empty(raw)
        if media_type is not None:
            iri = IANA + media_type.strip()
            d.media_type = iri if is_iri(iri) else None

    def read_name(self, raw, d, field):
        text = self.non_empty(raw)
        if text is not None:
            d.title = self.text(text)

    def read_size(self, raw, d, field):
        """The size in bytes: a JSON number, or digits in a string (repaired)."""
        if isinstance(raw, Number):
            digits, repaired = str(raw), False
        elif self.is_string(raw) and raw:
            digits, repaired = raw.strip(), True
        else:
            return
        if digits and digits.isascii() and digits.isdigit() and int(digits) < 2**64:
            if repaired:
                self.warn("repaired", field, f"size {digits!r} read as a number")
            d.byte_size = int(digits)
        else:
            self.warn("invalid-value", field, f"size {digits!r} is not a number of bytes; kept as read")

    def read_resource_url(self, raw, d, field):
        iri = self.read_iri(raw, field)
        d.access_urls = [iri] if iri is not None else []
        if not d.access_urls:
            self.warn("invalid-value", field, "the resource has no URL: the distribution has no access URL")

    RESOURCE_RULES = [
        ("created", read_resource_created),
        ("description", read_resource_description),
        ("download_url", read_download_url),
        ("format", read_format),
        ("last_modified", read_last_modified),
        ("mimetype", read_mimetype),
        ("name", read_name),
        ("size", read_size),
        ("url", read_resource_url),
    ]

    # Frequency.

    def read_frequency(self, fields, dataset):
        """A declared frequency (extra, or top-level `frequency`), else one inferred from
        a French word of the title (flagged fihris:frequencyInferred)."""
        declared = self.extra_value(fields, FREQUENCY_EXTRAS)
        field = "extras.frequency"
        if declared is None:
            declared, field = self.non_empty(fields.get("frequency")), "frequency"
        if declared is not None:
            iri = decode_frequency(declared)
            if iri:
                dataset.accrual_periodicity = iri
                return
            self.warn("invalid-value", field, f"{declared!r} is not a frequency; kept as read")
        for _, title in dataset.title:
            code = frequency_in_french_text(title)
            if code:
                dataset.accrual_periodicity = FREQUENCY_BASE + code
                dataset.frequency_inferred = True
                return

    # JSON lines.

    def read_lines(self, path):
        """read.rs: the whole input as one JSON document (a package, a package_show or
        package_search answer, a list), else JSON lines, one package a line; a broken line
        is a finding and is skipped."""
        with open(path, "rb") as f:
            data = f.read()
        if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
            data = data.decode("utf-16").encode("utf-8")
        data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        try:
            document = parse_json(data.decode("utf-8"))
        except ValueError:
            document = None
        if document is not None:
            yield from self.read_document(document)
            return
        datasets = 0
        for number, line in enumerate(data.split(b"\n"), 1):
            line = line[:-1] if line.endswith(b"\r") else line
            if not line.strip(b" \t\n\r\x0c"):
                continue
            self.record += 1
            self.line = number
            try:
                value = parse_json(line.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as error:
                self.warn("broken-record", None, f"invalid JSON: {error}")
                continue
            if not isinstance(value, dict):
                self.warn("broken-record", None, "the line is not a package object")
                continue
            self.position = datasets + 1
            dataset, reason = self.read_package(value, self.position)
            if dataset is None:
                self.warn("broken-record", None, reason)
                continue
            datasets += 1
            yield dataset

    def read_document(self, document):
        packages = []
        if isinstance(document, dict) and "success" in document:
            if document["success"] is not True:
                sys.exit("the CKAN answer says \"success\" is not true")
            result = document.get("result")
            if isinstance(result, dict) and "results" in result:
                packages = result["results"]
            elif isinstance(result, (dict, list)):
                packages = result if isinstance(result, list) else [result]
        elif isinstance(document, dict) and isinstance(document.get("results"), list) and "count" in document:
            packages = document["results"]
        elif isinstance(document, (dict, list)):
            packages = document if isinstance(document, list) else [document]
        datasets = 0
        for package in packages:
            self.record += 1
            if not isinstance(package, dict):
                self.warn("broken-record", None, "the record is not a package object")
                continue
            self.position = datasets + 1
            dataset, reason = self.read_package(package, self.position)
            if dataset is None:
                self.warn("broken-record", None, reason)
                continue
            datasets += 1
            yield dataset


def decode_frequency(value):
    """A frequency IRI from what CKAN catalogues write: an EU IRI or code, an English word,
    a French term, or another http(s) IRI kept as is."""
    value = value.strip()
    code = frequency_from_iri(value) or frequency_from_code(value) or frequency_from_french(value)
    if code is None:
        code = {
            "yearly": "ANNUAL", "annually": "ANNUAL", "biannual": "ANNUAL_2",
            "semiannually": "ANNUAL_2", "half-yearly": "ANNUAL_2", "hourly": "HOURLY",
            "irregular": "IRREG", "irregularly": "IRREG", "continuous": "UPDATE_CONT",
            "realtime": "UPDATE_CONT", "real-time": "UPDATE_CONT",
        }.get(value.encode().lower().decode())
    if code:
        return FREQUENCY_BASE + code
    if (value.startswith("http://") or value.startswith("https://")) and is_iri(value):
        return value
    return None


def decode_status(value):
    value = value.strip()
    for code, (fr, en) in PUBLICATION_STATUSES.items():
        if ascii_eq_ci(code, value):
            return code
    for code, (fr, en) in PUBLICATION_STATUSES.items():
        if ascii_eq_ci(fr, value) or ascii_eq_ci(en, value):
            return code
    return None


# ---------------------------------------------------------------------------------------
# Model -> DCAT-AP 3 triples (fihris-dcat emit.rs, implied triples on).

FNV_PRIME = 0x100000001B3
MASK = (1 << 64) - 1


def minted_label(parent, prop, index):
    """emit.rs minted_label: `n` and 16 hex digits of FNV-1a over the parent, the property
    and the position, each part ended by 0xff."""
    h = 0xCBF29CE484222325
    parent_text = str(parent) if isinstance(parent, URIRef) else "_:" + str(parent)
    for part in (parent_text, prop, str(index)):
        for byte in part.encode():
            h = ((h ^ byte) * FNV_PRIME) & MASK
        h = ((h ^ 0xFF) * FNV_PRIME) & MASK
    return f"n{h:016x}"


class Emitter:
    def __init__(self, graph):
        self.add = graph.add
        self.eu_themes_used = set()
        self.portal_themes_used = set()

    @staticmethod
    def literal(language, value):
        return Literal(value, lang=language) if language else Literal(value)

    @staticmethod
    def typed(value, datatype):
        # normalize=False keeps the lexical form byte-exact, as fihris writes it.
        return Literal(value, datatype=URIRef(XSD + datatype), normalize=False)

    def text(self, subject, predicate, text):
        for language, value in text:
            self.add((subject, predicate, self.literal(language, value)))

    def date(self, subject, predicate, value):
        if value is not None:
            self.add((subject, predicate, self.typed(*value)))

    def mailbox(self, subject, predicate, email):
        """A mailto: IRI, or the address as a plain literal when that is no IRI."""
        iri = "mailto:" + email
        self.add((subject, predicate, URIRef(iri) if is_iri(iri) else Literal(email)))

    def catalog_header(self, catalog):
        self.add((catalog, T["type"], T["Catalog"]))
        self.add((catalog, T["title"], Literal("CKAN catalogue")))

    def agent(self, parent, predicate, index, agent):
        subject = agent.id if agent.id is not None else BNode(minted_label(parent, str(predicate), index))
        self.add((parent, predicate, subject))
        kind = T[agent.kind]
        self.add((subject, T["type"], kind))
        if kind != T["Agent"]:
            self.add((subject, T["type"], T["Agent"]))  # Implied: shapes check foaf:Agent.
        self.text(subject, T["name"], agent.name)
        if agent.email is not None:
            self.mailbox(subject, T["mbox"], agent.email)

    def contact_points(self, parent, contacts):
        for index, contact in enumerate(contacts):
            subject = BNode(minted_label(parent, DCAT + "contactPoint", index))
            self.add((parent, T["contactPoint"], subject))
            self.add((subject, T["type"], T["Kind"]))
            self.text(subject, T["fn"], contact.name)
            if contact.email is not None:
                self.mailbox(subject, T["hasEmail"], contact.email)

    def dataset(self, catalog, dataset):
        subject = dataset.id
        self.add((catalog, T["dataset"], subject))
        self.add((subject, T["type"], T["Dataset"]))
        self.text(subject, T["title"], dataset.title)
        self.text(subject, T["description"], dataset.description)
        for distribution in dataset.distributions:
            self.distribution(subject, distribution)
        for language, value in dataset.keywords:
            self.add((subject, T["keyword"], self.literal(language, value)))
        for theme in dataset.themes:
            self.eu_themes_used.add(theme)
            self.add((subject, T["theme"], URIRef(EU_THEME_BASE + theme)))
        for theme in dataset.portal_themes:
            self.portal_themes_used.add(theme)
            self.add((subject, T["theme"], URIRef(PORTAL_THEME_BASE + theme)))
        if dataset.publisher is not None:
            self.agent(subject, T["publisher"], 0, dataset.publisher)
        for index, creator in enumerate(dataset.creators):
            self.agent(subject, T["creator"], index, creator)
        self.contact_points(subject, dataset.contact_points)
        self.date(subject, T["issued"], dataset.issued)
        self.date(subject, T["modified"], dataset.modified)
        if dataset.accrual_periodicity is not None:
            frequency = URIRef(dataset.accrual_periodicity)
            self.add((subject, T["accrualPeriodicity"], frequency))
            self.add((frequency, T["type"], T["Frequency"]))
        for page in dataset.landing_pages:
            self.add((subject, T["landingPage"], URIRef(page)))
            self.add((URIRef(page), T["type"], T["Document"]))
        for identifier in dataset.identifiers:
            self.add((subject, T["identifier"], Literal(identifier)))
        if dataset.version is not None:
            self.add((subject, T["version"], Literal(dataset.version)))
        # The national inventory facts (emit.rs inventory).
        if dataset.frequency_inferred:
            self.add((subject, T["frequencyInferred"], self.typed("true", "boolean")))
        if dataset.publication_status is not None:
            self.add((subject, T["publicationStatus"], URIRef(PUBLICATION_STATUS_BASE + dataset.publication_status)))

    def distribution(self, dataset, distribution):
        subject = distribution.id
        self.add((dataset, T["distribution"], subject))
        self.add((subject, T["type"], T["Distribution"]))
        for url in distribution.access_urls:
            self.add((subject, T["accessURL"], URIRef(url)))
        for url in distribution.download_urls:
            self.add((subject, T["downloadURL"], URIRef(url)))
        self.text(subject, T["title"], distribution.title)
        self.text(subject, T["description"], distribution.description)
        if distribution.format is not None:
            file_type = URIRef(FILE_TYPE_BASE + distribution.format)
            self.add((subject, T["format"], file_type))
            self.add((file_type, T["type"], T["MediaTypeOrExtent"]))
        if distribution.media_type is not None:
            media_type = URIRef(distribution.media_type)
            self.add((subject, T["mediaType"], media_type))
            self.add((media_type, T["type"], T["MediaType"]))
        if distribution.licence is not None:
            _, iri, _, _, fr, en = distribution.licence
            licence = URIRef(iri)
            self.add((subject, T["license"], licence))
            self.add((licence, T["type"], T["LicenseDocument"]))
            self.add((licence, T["label"], Literal(fr, lang="fr")))
            self.add((licence, T["label"], Literal(en, lang="en")))
        if distribution.byte_size is not None:
            self.add((subject, T["byteSize"], self.typed(str(distribution.byte_size), "nonNegativeInteger")))
        self.date(subject, T["issued"], distribution.issued)
        self.date(subject, T["modified"], distribution.modified)

    def labels(self, subject, predicate, labels):
        for language, label in zip(LABEL_LANGUAGES, labels):
            self.add((subject, predicate, Literal(label, lang=language)))

    def footer(self):
        """The EU themes used, as skos:Concepts with labels, then the portal theme scheme
        and the portal themes used."""
        for code in self.eu_themes_used:
            subject = URIRef(EU_THEME_BASE + code)
            self.add((subject, T["type"], T["Concept"]))
            self.labels(subject, T["prefLabel"], EU_THEMES[code])
            self.add((subject, T["inScheme"], URIRef(EU_THEME_SCHEME)))
        if not self.portal_themes_used:
            return
        scheme = URIRef(PORTAL_THEME_SCHEME)
        self.add((scheme, T["type"], T["ConceptScheme"]))
        self.labels(scheme, T["title"], PORTAL_SCHEME_TITLES)
        for slug in self.portal_themes_used:
            fr, ar, en, primary, secondary = PORTAL_THEMES[slug]
            subject = URIRef(PORTAL_THEME_BASE + slug)
            self.add((subject, T["type"], T["Concept"]))
            self.labels(subject, T["prefLabel"], (fr, ar, en))
            self.add((subject, T["inScheme"], scheme))
            self.add((subject, T["notation"], Literal(slug)))
            # One EU theme: an exact match; two: both close.
            self.add((subject, T["closeMatch" if secondary else "exactMatch"], URIRef(EU_THEME_BASE + primary)))
            if secondary:
                self.add((subject, T["closeMatch"], URIRef(EU_THEME_BASE + secondary)))


def main():
    source, fmt, out = sys.argv[1:4]
    graph = Graph()
    for prefix, namespace in PREFIXES:
        graph.bind(prefix, namespace, replace=True)
    graph.bind("fihris", FIHRIS)
    reader = Reader()
    emitter = Emitter(graph)
    catalog = URIRef(BASE)
    emitter.catalog_header(catalog)
    for dataset in reader.read_lines(source):
        emitter.dataset(catalog, dataset)
    emitter.footer()
    graph.serialize(destination=out, format=fmt, encoding="utf-8")
    kinds = {}
    for kind, *_ in reader.findings:
        kinds[kind] = kinds.get(kind, 0) + 1
    summary = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"{len(reader.findings)} reading findings" + (f" ({summary})" if summary else ""), file=sys.stderr)
    print(len(graph), file=sys.stderr)


if __name__ == "__main__":
    main()
