"""The register values of an imported row: French and English domain, status, priority and kind
names, competence lists, French and ISO dates, and the checks that make a row invalid (an invalid row
error, import_report.invalid_row: each problem names the column, the value and what was expected)."""

from __future__ import annotations

import datetime
import functools
import re

from ..definitions import (
    ACTOR_KINDS,
    CHALLENGE_STATUSES,
    DOMAINS,
    actor_kind_label,
    domain_label,
    priority_label,
    status_label,
)
from ..formats.names import normalize_name
from ..toolbelt import safe_json
from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr, ui_language
from .import_report import invalid_row, is_invalid_row

DOMAIN_SYNONYMS = {
    "routes": "voirie",
    "route": "voirie",
    "rue": "voirie",
    "chaussee": "voirie",
    "roads": "voirie",
    "parking": "stationnement",
    "stationnements": "stationnement",
    "vehicule": "vehicules",
    "vehicules_et_flottes": "vehicules",
    "flotte": "vehicules",
    "flottes": "vehicules",
    "transports_collectifs": "transport_collectif",
    "transport_en_commun": "transport_collectif",
    "transports_en_commun": "transport_collectif",
    "bus": "transport_collectif",
    "tc": "transport_collectif",
    "cyclable": "velo",
    "velos": "velo",
    "cycling": "velo",
    "bicyclette": "velo",
    "pieton": "marche",
    "pietons": "marche",
    "marche_a_pied": "marche",
    "walking": "marche",
    "livraison": "logistique",
    "livraisons": "logistique",
    "logistique_urbaine": "logistique",
    "securite": "securite_routiere",
    "accidentologie": "securite_routiere",
    "qualite_de_l_air": "qualite_air",
    "air": "qualite_air",
    "pollution": "qualite_air",
    "donnee": "donnees",
    "data": "donnees",
    "open_data": "donnees",
    "other": "autre",
    "divers": "autre",
    "autres": "autre",
}
STATUS_SYNONYMS = {
    "identifie": "identified",
    "identifiee": "identified",
    "nouveau": "identified",
    "a_traiter": "identified",
    "ouvert": "identified",
    "en_cours": "in_progress",
    "encours": "in_progress",
    "resolu": "solved",
    "resolue": "solved",
    "traite": "solved",
    "traitee": "solved",
    "clos": "solved",
    "ferme": "solved",
}
PRIORITY_SYNONYMS = {
    "haute": 1,
    "elevee": 1,
    "forte": 1,
    "high": 1,
    "urgent": 1,
    "moyenne": 2,
    "medium": 2,
    "normale": 2,
    "basse": 3,
    "faible": 3,
    "low": 3,
}
KIND_SYNONYMS = {
    "collectivite": "public body",
    "collectivite_territoriale": "public body",
    "organisme_public": "public body",
    "service_public": "public body",
    "etablissement_public": "public body",
    "mairie": "public body",
    "commune": "public body",
    "epci": "public body",
    "administration": "public body",
    "asso": "association",
    "entreprise": "company",
    "societe": "company",
    "laboratoire": "laboratory",
    "labo": "laboratory",
    "recherche": "laboratory",
    "ecole": "school",
    "lycee": "school",
    "college": "school",
    "universite": "school",
    "etablissement_scolaire": "school",
    "enseignement": "school",
    "pole": "cluster",
    "pole_de_competitivite": "cluster",
    "grappe": "cluster",
    "collectif_citoyen": "citizen group",
    "groupe_citoyen": "citizen group",
    "collectif": "citizen group",
    "citoyens": "citizen group",
    "fablab": "maker",
    "fab_lab": "maker",
    "makers": "maker",
    "tiers_lieu": "maker",
    "atelier": "maker",
}


# What a cell may name, by kind: (keys, their label in the user's language, synonyms).
NAMED_VALUES = {
    "domain": (DOMAINS, domain_label, DOMAIN_SYNONYMS),
    "status": (CHALLENGE_STATUSES, status_label, STATUS_SYNONYMS),
    "priority": ((1, 2, 3), priority_label, PRIORITY_SYNONYMS),
    "kind": (ACTOR_KINDS, actor_kind_label, KIND_SYNONYMS),
}


@functools.lru_cache(maxsize=16)
def _names_table(kind: str, language: str) -> dict:
    """{normalised name: key} of the keys of `kind`, their labels in `language` and their synonyms: made once
    per language, not once per cell (a file of 20,000 rows asked for it 40,000 times)."""
    keys, label, synonyms = NAMED_VALUES[kind]
    table = {}
    for key in keys:
        table[normalize_name(str(key))] = key
        table[normalize_name(label(key))] = key
    table.update(synonyms)
    return table


def _match(value: str, kind: str):
    """The key of `kind` that `value` names (the key, its label or a synonym, normalised), or None."""
    return _names_table(kind, ui_language()).get(normalize_name(value))


def _unknown(value: str, kind: str, what: str):
    raise invalid_row(what + f" '{value}' ({tr('expected one of')}: {', '.join(map(str, NAMED_VALUES[kind][0]))})")


def match_domain(value: str) -> str:
    return _match(value, "domain") or _unknown(value, "domain", tr("Unknown mobility domain"))


def match_status(value: str) -> str:
    return _match(value, "status") or _unknown(value, "status", tr("Unknown status"))


def match_priority(value: str) -> int:
    found = _match(value, "priority")
    if found is None:
        raise invalid_row(tr("Invalid priority") + f" '{value}' ({tr('expected 1, 2 or 3')})")
    return found


def match_kind(value: str) -> str:
    return _match(value, "kind") or _unknown(value, "kind", tr("Unknown kind of actor"))


def match_competences(value: str) -> str | None:
    text = value.strip()
    items = None
    if text.startswith("["):
        try:
            items = [str(v) for v in safe_json.loads(text, kind=InputError)]
        except InputError:  # not JSON, or nested absurdly: read as a plain list
            items = None
    if items is None:
        items = re.split(r"[;,|/]", text.strip("{}"))
    keys = []
    for item in items:
        item = item.strip().strip('"')
        if item:
            key = match_domain(item)
            if key not in keys:
                keys.append(key)
    return "{" + ",".join(keys) + "}" if keys else None


def parse_datetime(value: str) -> str:
    text = value.strip()
    gdal_style = re.match(r"^(\d{4})/(\d{2})/(\d{2})(?: (\d{2}:\d{2}:\d{2}(?:\.\d+)?))?([+-]\d{2})?$", text)
    if gdal_style:  # as GDAL writes dates into CSV files (the register's own CSV export)
        year, month, day, clock, zone = gdal_style.groups()
        text = f"{year}-{month}-{day}T{clock or '00:00:00'}" + (f"{zone}:00" if zone else "")
    for pattern in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).strftime("%Y-%m-%dT%H:%M:%S")
        except ValueError:
            pass
    try:
        parsed = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise invalid_row(tr("Invalid date") + f" '{value}' ({tr('expected YYYY-MM-DD or DD/MM/YYYY')})") from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return parsed.strftime("%Y-%m-%dT%H:%M:%SZ")
    return parsed.strftime("%Y-%m-%dT%H:%M:%S")


def validate_row(table: str, cells: dict, mapping: dict) -> dict:
    """The register values of one row (geometry aside), or an invalid row error listing every problem of the row,
    each naming the column, the value and what was expected."""
    problems = []

    def get(name):
        column = mapping.get(name)
        return cells.get(column, "").strip() if column else ""

    def parse(name, parser):
        text = get(name)
        if not text:
            return None
        try:
            return parser(text)
        except InputError as error:
            if not is_invalid_row(error):
                raise
            problems.append(tr("column") + f" {mapping[name]}: {error}")
            return None

    def required(name, message):
        if not get(name):
            problems.append(message + f" ({tr('column')} {mapping[name]})")
        return get(name)

    values = {}
    if table == "challenges":
        values["title"] = required("title", tr("The title is empty"))
        if required("domain", tr("The mobility domain is empty")):
            values["domain"] = parse("domain", match_domain)
        values["status"] = parse("status", match_status) or "identified"
        values["priority"] = parse("priority", match_priority)
        values["description"] = get("description") or None
        values["community"] = get("community") or None
        for name in ("created_at", "updated_at"):
            values[name] = parse(name, parse_datetime)
    else:
        values["name"] = required("name", tr("The name is empty"))
        values["kind"] = parse("kind", match_kind)
        values["competences"] = parse("competences", match_competences)
        values["contact"] = get("contact") or None
        values["website"] = get("website") or None
    if problems:
        raise invalid_row("; ".join(problems))
    return values
