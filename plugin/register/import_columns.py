"""Which column of an imported file holds which register field: the accepted header names (English and
French, normalised by names.normalize_name: lowercase, no accents), the required ones, and the
address columns a row is geocoded from."""

from __future__ import annotations

from ..toolbelt.errors import InputError
from ..toolbelt.i18n import tr
from .import_file import TabularFile, pick_column

# Register column: accepted header names, normalised (names.normalize_name: lowercase, no accents).
ALIASES = {
    "challenges": {
        "title": ("title", "titre", "intitule", "libelle", "enjeu", "defi", "probleme", "objet"),
        "description": ("description", "descriptif", "detail", "details", "commentaire", "precisions"),
        "domain": ("domain", "domaine", "domaine_mobilite", "domaine_de_mobilite", "thematique", "theme"),
        "status": ("status", "statut", "etat", "avancement"),
        "priority": ("priority", "priorite", "urgence"),
        "community": ("community", "communaute", "porteur", "signale_par", "source", "qui"),
        "created_at": ("created_at", "cree_le", "date_creation", "date_de_creation", "date"),
        "updated_at": ("updated_at", "modifie_le", "date_modification", "date_de_modification", "mis_a_jour_le"),
    },
    "actors": {
        "name": ("name", "nom", "raison_sociale", "structure", "organisme", "acteur", "nom_structure"),
        "kind": ("kind", "type", "nature", "categorie", "type_structure", "type_d_acteur", "statut_juridique"),
        "competences": ("competences", "competence", "domaines", "domaines_de_competence", "domaine", "domains"),
        "contact": ("contact", "email", "courriel", "mail", "e_mail", "telephone"),
        "website": ("website", "site", "site_web", "site_internet", "url", "web"),
    },
}
REQUIRED = {"challenges": ("title", "domain"), "actors": ("name",)}
ADDRESS_NAMES = ("adresse", "address", "adresse_postale", "adresse_complete", "addr", "voie", "rue", "lieu")
POSTCODE_NAMES = ("code_postal", "codepostal", "cp", "postcode", "code_postal_commune")
CITY_NAMES = ("commune", "ville", "city", "localite", "nom_commune", "municipality")


def map_columns(tabular: TabularFile, table: str) -> dict:
    """{register column: file column}; an InputError names the missing required columns."""
    mapping = {}
    for target, names in ALIASES[table].items():
        column = pick_column(tabular.columns, names)
        if column is not None and column not in mapping.values():
            mapping[target] = column
    missing = [name for name in REQUIRED[table] if name not in mapping]
    if missing:
        expected = "; ".join(f"{name} ({', '.join(ALIASES[table][name][:3])})" for name in missing)
        raise InputError(
            tr("Required columns are missing from the file")
            + f": {tabular.path}: {expected}. "
            + tr("Columns found")
            + f": {', '.join(tabular.columns) or '-'}",
            source=tabular.path,
        )
    return mapping


def address_columns(columns: list) -> list:
    """The file's address columns (street, postcode, city), those it has, in that order."""
    picked = (pick_column(columns, names) for names in (ADDRESS_NAMES, POSTCODE_NAMES, CITY_NAMES))
    return [column for column in picked if column]


def address_of(cells: dict, columns: list) -> str:
    """The row's address for the geocoder from its `columns` (address_columns); "" when it has none."""
    return " ".join(text for text in (cells.get(column, "").strip() for column in columns) if text)
