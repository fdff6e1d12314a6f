"""The territory's own organisation on data.gouv.fr, and its datasets with geographic resources.

data.gouv.fr (API 1) filters organisations on `business_number_id`, which holds a SIRET (14 digits:
the SIREN and the establishment's number) or, for older organisations, the SIREN alone; the exact
filter is tried with the SIREN first, then a search by the territory's name keeps the organisations
whose number starts with the SIREN. Its datasets come from `/api/1/datasets/?organization=<id>`,
paged (`next_page`). Those with a resource GDAL can load (datagouv.py's rule) become `datagouv`
entries marked `unconfirmed`: the user ticks the ones worth loading. Their category is guessed from
the words of their title and tags (`other` when none speaks).
"""

from __future__ import annotations

import re

from ..sources.datagouv import dataset_summary
from ..toolbelt.errors import ReplyError
from ..toolbelt.i18n import tr
from .names import ascii_lower, without_legal_form
from .services import CATALOG_MAX_AGE, Services, get_json
from .territory import Territory

SERVICE = "data.gouv.fr"
PAGE_SIZE = 100
MAX_PAGES = 5
# First match wins: the more specific words come first.
CATEGORY_WORDS = (
    ("carpool_area", "vehicules", ("covoiturage",)),
    ("road_accident", "securite_routiere", ("accident",)),
    ("charging_station", "vehicules", ("irve", "recharge", "borne electrique", "bornes electriques")),
    ("bicycle_parking", "velo", ("stationnement velo", "stationnement cyclable", "arceau", "parking velo")),
    ("bike_share_station", "velo", ("velo en libre", "libre service", "vls")),
    ("car_sharing", "vehicules", ("autopartage",)),
    ("traffic_counter", "voirie", ("comptage", "compteur")),
    ("cycleway", "velo", ("cyclable", "piste", "velo", "voie verte")),
    ("bus_stop", "transport_collectif", ("arret de bus", "arret", "poteau d'arret")),
    ("car_park", "stationnement", ("parking", "stationnement", "parc relais")),
    ("traffic_signals", "voirie", ("feux", "signalisation lumineuse", "carrefour a feux")),
    ("street_lamp", "voirie", ("eclairage", "lampadaire", "candelabre")),
    ("road_works", "voirie", ("travaux", "chantier")),
    ("air_quality_sensor", "qualite_air", ("qualite de l'air", "capteur")),
)


def siren_of(number) -> str:
    digits = "".join(ch for ch in str(number or "") if ch.isdigit())
    return digits[:9] if len(digits) >= 9 else ""


def find_organization(transport, services: Services, territory: Territory):
    """The territory's organisation (`id`, `name`, `page`, `business_number_id`...), or None."""
    if not territory.siren:
        return None
    url = f"{services.datagouv}/api/1/organizations/"
    for params in (
        {"business_number_id": territory.siren, "page_size": 10},
        {"q": without_legal_form(territory.name), "page_size": 20},
    ):
        reply = get_json(transport, url, SERVICE, params=params, max_age=CATALOG_MAX_AGE)
        items = reply.get("data") if isinstance(reply, dict) else None
        if not isinstance(items, list):
            raise ReplyError(tr("Unexpected reply from data.gouv.fr's organisations") + f" ({url})", source=SERVICE)
        for organization in items:
            if isinstance(organization, dict) and siren_of(organization.get("business_number_id")) == territory.siren:
                return organization
    return None


def organization_datasets(transport, services: Services, organization: dict) -> list:
    datasets, page = [], 1
    url = f"{services.datagouv}/api/1/datasets/"
    while page and page <= MAX_PAGES:
        params = {"organization": organization["id"], "page": page, "page_size": PAGE_SIZE}
        reply = get_json(transport, url, SERVICE, params=params, max_age=CATALOG_MAX_AGE)
        items = reply.get("data") if isinstance(reply, dict) else None
        if not isinstance(items, list):
            raise ReplyError(tr("Unexpected reply from the data.gouv.fr search") + f" ({url})", source=SERVICE)
        datasets += [item for item in items if isinstance(item, dict)]
        page = page + 1 if reply.get("next_page") else 0
    return datasets


def guess_category(dataset: dict) -> tuple:
    """(category, domain) from the words of the dataset's title and tags."""
    text = ascii_lower(" ".join([dataset.get("title") or ""] + [str(t) for t in dataset.get("tags") or []]))
    text = re.sub(r"[-_]", " ", text)
    for category, domain, words in CATEGORY_WORDS:
        # Whole words, plurals allowed: "arrêt" is no "arrêté", "parkings vélos" is a "parking velo".
        if any(re.search(r"\b" + r"s?\s+".join(map(re.escape, word.split())) + r"s?\b", text) for word in words):
            return category, domain
    return "other", "donnees"


def organization_entries(datasets: list, organization: dict, services: Services) -> list:
    """[(category, entry)] of the organisation's datasets that have a geographic resource."""
    found = []
    name = organization.get("name") or organization.get("slug") or ""
    for dataset in datasets:
        if dataset.get("archived") or dataset.get("deleted") or dataset.get("private"):
            continue
        summary = dataset_summary(dataset)
        if not summary["geographic"] or not dataset.get("id"):
            continue
        category, domain = guess_category(dataset)
        note = (
            f"data.gouv.fr, « {summary['title']} »"
            + (f" ({summary['page']})" if summary["page"] else "")
            + ": "
            + tr("a dataset of the territory's own organisation")
            + f" {name}, "
            + tr("with a geographic resource; the category was guessed from its title: tick it to load it")
        )
        entry = {
            "source": "datagouv",
            "dataset": str(dataset["id"]),
            **services.datagouv_server(),
            "title": summary["title"],
            "domain": domain,
            "unconfirmed": True,
            "note": note,
        }
        found.append((category, entry))
    return found
