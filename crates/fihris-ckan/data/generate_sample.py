#!/usr/bin/env python3
"""Generates sample-catalogue.jsonl: a deterministic, realistic catalogue of Morocco's national
open data portal as its CKAN 2.9 API answers `package_show` (one package per line).

What it reproduces, from the portal referentials (../shared/referentials next to the
repository): the 47 producers with their 2026 dataset counts (663 published datasets), the 19
themes, the format mix (mostly XLSX/XLS, then PDF, CSV, DOCX, ZIP), French and Arabic titles
with the noise real titles carry (the U+FB01 ligature, curly and straight apostrophes, en
dashes, typos, "[Archive 2017]" prefixes, frequency words), naive timestamps with
microseconds, `license_id` `odc-odbl`, empty author and maintainer strings, sizes on some
resources only, and a few inventory-only planned datasets (an `extras` entry
`publication_status` = `planned`, no resource).

The text is generated, not copied from the portal. Same seed, same bytes:

    python3 crates/fihris-ckan/data/generate_sample.py [REFERENTIALS_DIR [OUTPUT]]
"""

import csv
import json
import random
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path

SEED = 20260
HERE = Path(__file__).resolve().parent
DEFAULT_REFERENTIALS = HERE.parents[2] / ".." / "shared" / "referentials"
BASE = "https://data.gov.ma/data"

# Themes of each producer (CKAN group slugs), most likely first.
PRODUCER_THEMES = {
    "ADD": ["it-telecoms", "transparence"],
    "ABHSM": ["agriculture", "equipement", "cartographie"],
    "AUSY": ["habitat", "cartographie"],
    "AMMC": ["finance"],
    "ANRT": ["it-telecoms"],
    "AM": ["culture"],
    "ACAPS": ["assurance", "finance"],
    "BAM": ["finance"],
    "CNRA": ["assurance", "finance"],
    "CRI-DT": ["finance", "emploi"],
    "CRI-SM": ["finance", "emploi"],
    "CCISRMS": ["finance", "emploi"],
    "CMR": ["assurance", "societe"],
    "CNOPS": ["sante", "assurance"],
    "CNSS": ["emploi", "societe", "assurance"],
    "CAM": ["societe", "cartographie", "equipement"],
    "DA": ["agriculture"],
    "DPM": ["peche-maritime"],
    "FNM": ["culture"],
    "HCP": ["societe", "emploi", "finance", "education", "sante"],
    "IMANOR": ["normalisation"],
    "INPPLC": ["transparence", "justice"],
    "CT": ["societe", "finance"],
    "MAECAMRE": ["societe"],
    "MATNUHPV": ["habitat", "cartographie"],
    "MEF": ["finance", "transparence"],
    "MENPS": ["education"],
    "MESRSI": ["recherche-developpement", "education"],
    "MIC": ["finance", "normalisation"],
    "MIEPEEC": ["emploi"],
    "MEE": ["equipement"],
    "MJ": ["justice"],
    "MJCC": ["culture", "media"],
    "MSISF": ["societe"],
    "MSPS": ["sante"],
    "MTAESS": ["tourisme"],
    "MTNRA": ["transparence", "it-telecoms"],
    "NARSA": ["equipement", "societe"],
    "PARL": ["transparence", "justice"],
    "PM": ["it-telecoms"],
    "RCAR": ["assurance"],
    "RBMK": ["cartographie"],
    "RCS": ["cartographie", "equipement"],
    "RFM": ["cartographie"],
    "RSM": ["cartographie"],
    "RTTA": ["cartographie", "tourisme"],
    "2M": ["media"],
}

# French title subjects per theme; "{region}" and "{year}" are filled in.
SUBJECTS = {
    "agriculture": ["Production céréalière par région", "Superficies irriguées", "Cheptel national",
                    "Barrages : taux de remplissage", "Prix des fruits et légumes au marché de gros"],
    "assurance": ["Primes émises par branche", "Sinistres réglés", "Bénéficiaires des pensions",
                  "Indicateurs ﬁnanciers du secteur des assurances", "Affiliés actifs par régime"],
    "cartographie": ["Découpage communal de la région {region}", "Plan d’aménagement de {region}",
                     "Limites administratives", "Zones d’activités économiques de {region}"],
    "culture": ["Fréquentation des musées", "Festivals soutenus", "Bibliothèques publiques",
                "Monuments historiques classés", "Fonds d’archives numérisés"],
    "finance": ["Exécution de la loi de ﬁnances", "Dette du Trésor", "Recettes fiscales par nature",
                "Taux de change de référence", "Masse monétaire et ses contreparties",
                "Balance des paiements", "Indice des prix à la consommation"],
    "education": ["Effectifs des élèves par cycle", "Établissements scolaires", "Taux de scolarisation",
                  "Résultats du baccalauréat", "Enseignants par académie"],
    "emploi": ["Taux de chômage", "Population active occupée", "Créations d’entreprises",
               "Offres d'emploi publiées", "Salariés déclarés"],
    "equipement": ["Réseau routier classé", "Accidents de la circulation", "Trafic portuaire",
                   "Ouvrages hydrauliques", "Projets d’infrastructure en cours"],
    "habitat": ["Autorisations de construire", "Logements sociaux achevés", "Programme Villes sans bidonvilles",
                "Documents d’urbanisme homologués", "Agences urbaines : indicateurs d'activité"],
    "it-telecoms": ["Parc des abonnements mobiles", "Abonnements Internet haut débit", "Services publics en ligne",
                    "Trafic téléphonique", "Couverture 4G par province"],
    "justice": ["Affaires enregistrées par tribunal", "Jugements prononcés", "Population carcérale",
                "Actes d’état civil", "Affaires de la famille traitées", "Délais de traitement des dossiers"],
    "media": ["Audience des chaînes", "Programmes diffusés", "Cartes de presse délivrées",
              "Productions audiovisuelles"],
    "normalisation": ["Normes marocaines homologuées", "Certificats de conformité délivrés",
                      "Catalogue des normes"],
    "peche-maritime": ["Débarquements de la pêche côtière", "Valeur des captures par port",
                       "Flotte de pêche", "Production aquacole"],
    "recherche-developpement": ["Publications scientifiques", "Brevets déposés", "Doctorants inscrits",
                                "Projets de recherche financés"],
    "sante": ["Établissements de soins", "Couverture vaccinale", "Professionnels de santé",
              "Cas déclarés de maladies", "Assurés AMO"],
    "societe": ["Population légale des communes", "Indicateurs de pauvreté", "Ménages par milieu de résidence",
                "Marocains résidant à l'étranger", "Associations enregistrées", "Enquête nationale sur la consommation"],
    "tourisme": ["Arrivées aux postes frontières", "Nuitées dans les établissements classés",
                 "Capacité hôtelière", "Recettes touristiques", "Artisans inscrits"],
    "transparence": ["Marchés publics attribués", "Budget citoyen", "Plaintes reçues",
                     "Questions écrites des parlementaires", "Textes législatifs adoptés", "Demandes d’accès à l’information"],
}

ARABIC_SUBJECTS = {
    "agriculture": "الإنتاج الفلاحي حسب الجهة",
    "assurance": "المؤشرات المالية لقطاع التأمين",
    "cartographie": "التقطيع الجماعي",
    "culture": "عدد زوار المتاحف",
    "finance": "تنفيذ قانون المالية",
    "education": "أعداد التلاميذ حسب السلك",
    "emploi": "معدل البطالة",
    "equipement": "حوادث السير",
    "habitat": "رخص البناء",
    "it-telecoms": "عدد مشتركي الهاتف المحمول",
    "justice": "القضايا المسجلة بالمحاكم",
    "media": "نسب المشاهدة",
    "normalisation": "المواصفات القياسية المغربية",
    "peche-maritime": "مفرغات الصيد الساحلي",
    "recherche-developpement": "المنشورات العلمية",
    "sante": "المؤسسات الصحية",
    "societe": "السكان القانونيون للجماعات",
    "tourisme": "ليالي المبيت بالمؤسسات المصنفة",
    "transparence": "الصفقات العمومية",
}

REGIONS = ["Souss-Massa", "Casablanca-Settat", "Fès-Meknès", "Marrakech-Safi", "Tanger-Tétouan-Al Hoceïma",
           "Béni Mellal-Khénifra", "Drâa-Tafilalet", "l’Oriental", "Rabat-Salé-Kénitra"]

# (suffix, weight): the rhythm words titles carry; most titles carry none.
FREQUENCY_SUFFIXES = [
    ("", 52), (" (Trimestriel)", 8), (" (Mensuel)", 8), (" (Annuelle Base 2014)", 4), (" – annuel", 6),
    (" (Semestrielle)", 3), (" hebdomadaires", 2), (" (Annuelle)", 6),
]

# (label as written, weight, file type): the portal's format mix and its spellings.
FORMATS = [
    ("XLSX", 26, "xlsx"), ("xlsx", 8, "xlsx"), ("xlsx ", 3, "xlsx"), (".xlsx", 2, "xlsx"),
    ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 2, "xlsx"),
    ("XLS", 16, "xls"), ("xls", 3, "xls"), ("application/vnd.ms-excel", 1, "xls"),
    ("PDF", 14, "pdf"), ("pdf", 2, "pdf"),
    ("CSV", 9, "csv"), ("csv", 2, "csv"),
    ("DOCX", 4, "docx"), ("ZIP", 2, "zip"),
]
MIME = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xls": "application/vnd.ms-excel", "pdf": "application/pdf", "csv": "text/csv",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "zip": "application/zip"}

TYPOS = [("Statistiques", "Statistques"), ("annuel", "anuel"), ("répartition", "répartion"),
         ("Indicateurs", "Indicateur"), ("par", "pra")]

PLANNED = [  # (producer code, theme, title): inventory-only datasets, not yet published
    ("HCP", "societe", "Recensement général de la population 2024 : résultats détaillés par commune"),
    ("MEF", "finance", "Dépenses fiscales par mesure (Annuelle)"),
    ("MJ", "justice", "Affaires de la famille par juridiction (Trimestriel)"),
    ("MSPS", "sante", "Carte sanitaire : établissements et lits"),
    ("MATNUHPV", "habitat", "Observatoire de l’habitat : mises en chantier"),
    ("ANRT", "it-telecoms", "Qualité de service des réseaux mobiles"),
    ("MENPS", "education", "Carte scolaire prévisionnelle"),
    ("INPPLC", "transparence", "Indicateurs d'intégrité des administrations"),
]


def weighted(rng, pairs):
    total = sum(weight for _, weight, *_ in pairs)
    pick = rng.uniform(0, total)
    for item in pairs:
        pick -= item[1]
        if pick <= 0:
            return item
    return pairs[-1]


def timestamp(rng, start, end):
    seconds = rng.uniform(0, (end - start).total_seconds())
    moment = start + timedelta(seconds=seconds)
    return moment.replace(microsecond=rng.randrange(1_000_000))


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")


def slugify(text):
    table = str.maketrans("àâäéèêëîïôöùûüçÀÂÉÈÎÔ", "aaaeeeeiioouuucAAEEIO")
    out = []
    for char in text.replace("ﬁ", "fi").translate(table).lower():
        out.append(char if char.isascii() and char.isalnum() else "-")
    slug = "-".join(part for part in "".join(out).split("-") if part)
    return slug[:80].strip("-")


def make_uuid(rng):
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def french_title(rng, theme, year):
    subject = rng.choice(SUBJECTS[theme]).format(region=rng.choice(REGIONS), year=year)
    roll = rng.random()
    if roll < 0.25:
        title = f"{subject} {year}"
    elif roll < 0.40:
        title = f"{subject} – {year - rng.randrange(1, 6)}-{year}"
    elif roll < 0.50:
        title = f"Statistiques : {subject[0].lower()}{subject[1:]}"
    else:
        title = subject
    title += weighted(rng, FREQUENCY_SUFFIXES)[0]
    if rng.random() < 0.06:
        title = f"[Archive {rng.randrange(2015, 2020)}] {title}"
    if rng.random() < 0.05:
        wrong, typo = rng.choice(TYPOS)
        title = title.replace(wrong, typo, 1)
    if rng.random() < 0.15:
        title = title.replace("’", "'") if "’" in title else title.replace("'", "’")
    return title


def organization(rng, producer, created):
    return {
        "id": make_uuid(rng),
        "name": producer["ckan_slug"],
        "title": producer["name_fr"],
        "type": "organization",
        "created": iso(created),
        "is_organization": True,
        "approval_status": "approved",
        "state": "active",
    }


def group(rng, theme, group_ids):
    return {
        "description": "",
        "display_name": theme["label_fr"],
        "id": group_ids[theme["slug"]],
        "image_display_url": "",
        "name": theme["slug"],
        "title": theme["label_fr"],
    }


def resource(rng, package_id, position, title, created, modified):
    label, _, kind = weighted(rng, FORMATS)
    resource_id = make_uuid(rng)
    file_name = f"{slugify(title)[:40] or 'donnees'}.{kind}"
    return {
        "created": iso(created),
        "description": "" if rng.random() < 0.7 else f"Fichier {kind.upper()} des données",
        "format": label,
        "hash": "",
        "id": resource_id,
        "last_modified": iso(modified) if rng.random() < 0.8 else None,
        "mimetype": MIME[kind] if rng.random() < 0.6 else None,
        "name": file_name,
        "package_id": package_id,
        "position": position,
        "size": rng.randrange(2_000, 4_000_000) if rng.random() < 0.4 else None,
        "state": "active",
        "url": f"{BASE}/dataset/{package_id}/resource/{resource_id}/download/{file_name}",
        "url_type": "upload",
    }


def tag(rng, name, tag_ids):
    if name not in tag_ids:
        tag_ids[name] = make_uuid(rng)
    return {"display_name": name, "id": tag_ids[name], "name": name, "state": "active", "vocabulary_id": None}


def package(rng, producer, org, theme_slugs, themes, group_ids, tag_ids, names, planned=None):
    start, end = datetime(2016, 1, 1), datetime(2026, 6, 30)
    created = timestamp(rng, start, end)
    modified = created if rng.random() < 0.3 else timestamp(rng, created, end)
    year = min(created.year, 2025) - rng.randrange(0, 2)
    theme = planned[1] if planned else rng.choice(theme_slugs[:2]) if rng.random() < 0.8 else rng.choice(theme_slugs)
    if planned:
        title = planned[2]
    elif rng.random() < 0.12:
        title = f"{ARABIC_SUBJECTS[theme]} {year}"
    else:
        title = french_title(rng, theme, year)
    name = slugify(title) or "jeu-de-donnees"
    if name in names or not name.isascii():
        name = f"{producer['acronym'].lower()}-{make_uuid(rng)[:8]}"
    names.add(name)
    package_id = make_uuid(rng)
    resources = []
    if not planned:
        count = 1 if rng.random() < 0.7 else rng.choice([2, 2, 3])
        for position in range(count):
            resources.append(resource(rng, package_id, position, title, created, modified))
    tag_names = rng.sample(sorted({themes[theme]["label_fr"].lower(), producer["acronym"].lower(),
                                   str(year), "statistiques", "maroc", "données ouvertes"}), rng.randrange(0, 4))
    groups = [themes[theme]]
    if rng.random() < 0.15:
        other = rng.choice(theme_slugs)
        if other != theme:
            groups.append(themes[other])
    # DCAT-AP makes a description mandatory: every package has one, some only the title's.
    notes = f"{title}." if rng.random() < 0.35 else f"{title}. Données publiées par {producer['name_fr']}."
    extras = []
    if planned:
        extras = [{"key": "publication_status", "value": "planned"}]
        if "(" not in title:
            extras.append({"key": "periodicite", "value": "Annuelle"})
    return {
        "author": "",
        "author_email": "",
        "id": package_id,
        "isopen": True,
        "license_id": "odc-odbl",
        "license_title": "Open Data Commons Open Database License (ODbL)",
        "license_url": "http://www.opendefinition.org/licenses/odc-odbl",
        "maintainer": "" if rng.random() < 0.9 else producer["name_fr"],
        "maintainer_email": "",
        "metadata_created": iso(created),
        "metadata_modified": iso(modified),
        "name": name,
        "notes": notes,
        "num_resources": len(resources),
        "num_tags": len(tag_names),
        "organization": org,
        "owner_org": org["id"],
        "private": False,
        "state": "active",
        "title": title,
        "type": "dataset",
        "url": "",
        "version": "",
        "extras": extras,
        "resources": resources,
        "tags": [tag(rng, name, tag_ids) for name in tag_names],
        "groups": [group(rng, g, group_ids) for g in groups],
        "relationships_as_subject": [],
        "relationships_as_object": [],
    }


def main():
    referentials = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REFERENTIALS
    with open(referentials / "producers.csv", encoding="utf-8") as f:
        producers = list(csv.DictReader(f))
    with open(referentials / "themes.csv", encoding="utf-8") as f:
        themes = {row["slug"]: row for row in csv.DictReader(f)}
    assert len(producers) == 47 and len(themes) == 19
    assert set(PRODUCER_THEMES) == {p["acronym"] for p in producers}
    used = {t for ts in PRODUCER_THEMES.values() for t in ts}
    assert used == set(themes), set(themes) - used
    rng = random.Random(SEED)
    group_ids = {slug: make_uuid(rng) for slug in sorted(themes)}
    tag_ids, names, packages = {}, set(), []
    org_created = datetime(2016, 1, 1)
    for producer in producers:
        org = organization(rng, producer, timestamp(rng, org_created, datetime(2017, 1, 1)))
        theme_slugs = PRODUCER_THEMES[producer["acronym"]]
        for _ in range(int(producer["datasets_2026"])):
            packages.append(package(rng, producer, org, theme_slugs, themes, group_ids, tag_ids, names))
        for planned in PLANNED:
            if planned[0] == producer["acronym"]:
                packages.append(package(rng, producer, org, theme_slugs, themes, group_ids, tag_ids, names, planned))
    rng.shuffle(packages)
    packages.sort(key=lambda p: p["metadata_modified"], reverse=True)
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "sample-catalogue.jsonl"
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        for p in packages:
            f.write(json.dumps(p, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{out}: {len(packages)} packages, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
